/* A BL to an absolute address far from the modules area: must be refused, not wrapped. */
	.syntax unified
	.arm
	.global far_away
	.set	far_away, 0x10000000
	.text
	.global mt_far_call
mt_far_call:
	bl	far_away
	.section .modinfo, "a"
	.asciz	"license=GPL"
	.section .note.GNU-stack,"",%progbits
