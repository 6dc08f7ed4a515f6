"""A YMODEM batch sender for the QEMU harness, to drive `loady` the way
lrzsz's sb does (block 0 with name and size, 1 KiB or 128-byte blocks with
CRC-16, EOT until it is ACKed, an empty block 0 to end the batch), and to
misbehave on purpose: corrupt one block's CRC, or cancel part-way.

It only reacts to what the receiver sends ('C', ACK, NAK, CAN); feed() takes
the receiver's bytes and returns the sender's answer.
"""

SOH, STX, EOT, ACK, NAK, CAN, CRC = 0x01, 0x02, 0x04, 0x06, 0x15, 0x18, ord('C')
CPMEOF = 0x1a


def crc16(data, crc=0):
    """CRC-ITU-T as XMODEM uses it: polynomial 0x1021, MSB first, start 0."""
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021 if crc & 0x8000 else crc << 1) & 0xffff
    return crc


def block(seq, payload, size, corrupt=False, pad=CPMEOF):
    """One block: SOH/STX, number, complement, data padded (^Z for file
    data, NUL for block 0), CRC."""
    data = bytearray(payload.ljust(size, bytes([pad])))
    crc = crc16(data)
    if corrupt:
        data[size // 2] ^= 0x40
    return bytes([STX if size == 1024 else SOH, seq & 0xff, 0xff - (seq & 0xff)]) + \
        bytes(data) + crc.to_bytes(2, 'big')


class Sender:
    """files: [(name, data)]. corrupt: the n-th data block of the batch
    (1 = first) goes out once with a bad CRC. cancel_at: CAN CAN instead of
    the n-th data block."""

    def __init__(self, files, block_size=1024, corrupt=None, cancel_at=None):
        self.files = list(files)
        self.block_size = block_size
        self.corrupt = corrupt
        self.cancel_at = cancel_at
        self.state = 'wait_c_header'
        self.file = 0
        self.offset = 0
        self.seq = 0
        self.sent_blocks = 0        # data blocks of the batch, first tries
        self.naks = 0
        self.done = False
        self.receiver_cancelled = False

    def _header(self):
        if self.file < len(self.files):
            name, data = self.files[self.file]
            self.state = 'sent_header'
            return block(0, name.encode() + b'\0' + str(len(data)).encode(), 128, pad=0)
        self.state = 'sent_end'
        return block(0, b'', 128, pad=0)

    def _chunk(self):
        data = self.files[self.file][1]
        size = self.block_size if len(data) - self.offset > 128 else 128
        return data[self.offset:self.offset + size], size

    def _data(self):
        data = self.files[self.file][1]
        if self.offset >= len(data):
            self.state = 'sent_eot'
            return bytes([EOT])
        self.sent_blocks += 1
        if self.sent_blocks == self.cancel_at:
            self.done = True
            self.state = 'cancelled'
            return bytes([CAN] * 8)
        chunk, size = self._chunk()
        self.state = 'sent_data'
        return block(self.seq, chunk, size, corrupt=self.sent_blocks == self.corrupt)

    def _react(self, c):
        if c == CAN:
            self.receiver_cancelled = True
            self.done = True
            return b''
        s = self.state
        if s == 'wait_c_header' and c == CRC:
            return self._header()
        if s == 'sent_header':
            if c == ACK:
                self.state = 'wait_c_data'
            elif c in (NAK, CRC):
                return self._header()
        elif s == 'wait_c_data' and c == CRC:
            self.offset, self.seq = 0, 1
            return self._data()
        elif s == 'sent_data':
            if c == ACK:
                self.offset += self._chunk()[1]
                self.seq += 1
                return self._data()
            if c == NAK:
                self.naks += 1
                chunk, size = self._chunk()
                return block(self.seq, chunk, size)
        elif s == 'sent_eot':
            if c == ACK:
                self.file += 1
                self.state = 'wait_c_header'
            elif c == NAK:
                return bytes([EOT])
        elif s == 'sent_end':
            if c == ACK:
                self.done = True
                self.state = 'finished'
            elif c in (NAK, CRC):
                return self._header()
        return b''

    def feed(self, data):
        """The receiver's bytes in; the bytes to send back out."""
        out = b''
        for c in data:
            if self.done:
                break
            out += self._react(c)
        return out
