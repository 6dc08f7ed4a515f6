/* A relocation type the loader does not know (R_ARM_THM_CALL, 10): must be refused. */
	.syntax unified
	.arm
	.text
	.global mt_thumb_site
mt_thumb_site:
	.reloc	., R_ARM_THM_CALL, jiffies_to_msecs
	.word	0
	.section .modinfo, "a"
	.asciz	"license=GPL"
	.section .note.GNU-stack,"",%progbits
