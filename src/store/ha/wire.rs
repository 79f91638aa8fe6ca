//! RocketMQ 4.x's HA wire format, as pure encoding and decoding with no socket: the slave
//! reports its commit log end as 8 bytes; the master streams frames of an 8-byte commit log
//! offset, a 4-byte size and that many bytes of the commit log (size 0: a heartbeat).

use bytes::{Buf, Bytes, BytesMut};

/// Offset (8) + size (4) before each transfer's data.
pub const TRANSFER_HEADER_SIZE: usize = 12;
/// One report of the slave's max commit log offset.
pub const REPORT_SIZE: usize = 8;
/// The largest frame a slave takes: RocketMQ's HAClient reads into a 4 MiB buffer, so a master
/// never sends more at once.
pub const MAX_TRANSFER_SIZE: usize = 4 * 1024 * 1024;
/// The most a master puts in one transfer: header and data fit a RocketMQ slave's buffer.
pub const MAX_MASTER_BATCH: usize = MAX_TRANSFER_SIZE - TRANSFER_HEADER_SIZE;

/// The header of a transfer of `size` bytes at commit log offset `offset`.
pub fn transfer_header(offset: i64, size: usize) -> [u8; TRANSFER_HEADER_SIZE] {
    let mut h = [0u8; TRANSFER_HEADER_SIZE];
    h[..8].copy_from_slice(&offset.to_be_bytes());
    h[8..].copy_from_slice(&(size as i32).to_be_bytes());
    h
}

/// A report of the slave's max commit log offset.
pub fn report(offset: i64) -> [u8; REPORT_SIZE] {
    offset.to_be_bytes()
}

/// One frame from the master: commit log bytes at an offset, or a heartbeat (empty data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    pub offset: i64,
    pub data: Bytes,
}

/// Why a byte stream is not a valid stream of frames (the connection is closed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    #[error("transfer at offset {offset} claims {size} bytes (at most {MAX_TRANSFER_SIZE})")]
    BadSize { offset: i64, size: i32 },
    #[error("transfer at negative offset {0}")]
    BadOffset(i64),
}

/// Cuts the master's byte stream into transfers, whatever the read boundaries.
#[derive(Default)]
pub struct TransferDecoder {
    buf: BytesMut,
}

impl TransferDecoder {
    /// The buffer the next read goes into.
    pub fn buffer(&mut self) -> &mut BytesMut {
        &mut self.buf
    }

    /// The next complete transfer, if the bytes read so far hold one.
    pub fn next_transfer(&mut self) -> Result<Option<Transfer>, WireError> {
        if self.buf.len() < TRANSFER_HEADER_SIZE {
            return Ok(None);
        }
        let offset = i64::from_be_bytes(self.buf[..8].try_into().unwrap_or_default());
        let size = i32::from_be_bytes(self.buf[8..12].try_into().unwrap_or_default());
        if offset < 0 {
            return Err(WireError::BadOffset(offset));
        }
        let Some(len) = usize::try_from(size)
            .ok()
            .filter(|&n| n <= MAX_TRANSFER_SIZE)
        else {
            return Err(WireError::BadSize { offset, size });
        };
        if self.buf.len() < TRANSFER_HEADER_SIZE + len {
            self.buf
                .reserve(TRANSFER_HEADER_SIZE + len - self.buf.len());
            return Ok(None);
        }
        self.buf.advance(TRANSFER_HEADER_SIZE);
        let data = self.buf.split_to(len).freeze();
        Ok(Some(Transfer { offset, data }))
    }
}

/// Reads the slave's reports: as RocketMQ's master, only the newest complete one counts.
#[derive(Default)]
pub struct ReportDecoder {
    buf: BytesMut,
}

impl ReportDecoder {
    pub fn buffer(&mut self) -> &mut BytesMut {
        &mut self.buf
    }

    /// The newest complete report among the bytes read so far, consuming them.
    pub fn latest(&mut self) -> Option<i64> {
        let whole = self.buf.len() - self.buf.len() % REPORT_SIZE;
        if whole == 0 {
            return None;
        }
        let last = i64::from_be_bytes(self.buf[whole - REPORT_SIZE..whole].try_into().ok()?);
        self.buf.advance(whole);
        Some(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfers_survive_any_read_boundaries() {
        let mut stream = Vec::new();
        stream.extend_from_slice(&transfer_header(4096, 5));
        stream.extend_from_slice(b"hello");
        stream.extend_from_slice(&transfer_header(4101, 0));
        stream.extend_from_slice(&transfer_header(4101, 3));
        stream.extend_from_slice(b"abc");
        for cut in 1..stream.len() {
            let mut d = TransferDecoder::default();
            let mut got = Vec::new();
            for chunk in stream.chunks(cut) {
                d.buffer().extend_from_slice(chunk);
                while let Some(t) = d.next_transfer().unwrap() {
                    got.push((t.offset, t.data.to_vec()));
                }
            }
            assert_eq!(
                got,
                vec![
                    (4096, b"hello".to_vec()),
                    (4101, vec![]),
                    (4101, b"abc".to_vec())
                ],
                "cut {cut}"
            );
        }
    }

    #[test]
    fn a_bad_header_is_an_error() {
        let mut d = TransferDecoder::default();
        d.buffer().extend_from_slice(&transfer_header(0, 0)[..8]);
        d.buffer().extend_from_slice(&(-1i32).to_be_bytes());
        assert!(matches!(d.next_transfer(), Err(WireError::BadSize { .. })));
        let mut d = TransferDecoder::default();
        d.buffer()
            .extend_from_slice(&transfer_header(0, MAX_TRANSFER_SIZE + 1));
        assert!(d.next_transfer().is_err());
        let mut d = TransferDecoder::default();
        d.buffer().extend_from_slice(&transfer_header(-5, 1));
        assert_eq!(d.next_transfer(), Err(WireError::BadOffset(-5)));
    }

    #[test]
    fn only_the_newest_whole_report_counts() {
        let mut d = ReportDecoder::default();
        assert_eq!(d.latest(), None);
        d.buffer().extend_from_slice(&report(10));
        d.buffer().extend_from_slice(&report(20));
        d.buffer().extend_from_slice(&report(30)[..3]);
        assert_eq!(d.latest(), Some(20));
        assert_eq!(d.latest(), None);
        d.buffer().extend_from_slice(&report(30)[3..]);
        assert_eq!(d.latest(), Some(30));
    }
}
