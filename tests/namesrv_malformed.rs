//! Malformed input never takes the name server down: truncated frames, a
//! header longer than its frame, invalid JSON, an oversized frame, random
//! bytes. Each bad connection is closed; other connections keep being served.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use support::*;

fn frame(header: &[u8], declared_header_len: u32, body: &[u8]) -> Vec<u8> {
    let mut f = Vec::new();
    f.extend_from_slice(&((4 + header.len() + body.len()) as u32).to_be_bytes());
    f.extend_from_slice(&declared_header_len.to_be_bytes());
    f.extend_from_slice(header);
    f.extend_from_slice(body);
    f
}

/// Writes `bytes` and reports whether the server closed the connection
/// without answering.
fn closed_after(addr: &str, bytes: &[u8]) -> bool {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = s.write_all(bytes);
    let mut buf = [0u8; 64];
    matches!(s.read(&mut buf), Ok(0) | Err(_))
}

fn still_serves(addr: &str) {
    let out = mq(addr, &["topic", "list", "-o", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn malformed_frames_close_only_their_connection() {
    let dir = tempfile::tempdir().unwrap();
    let ns = start_namesrv(dir.path(), "");
    // A healthy connection held open across all the abuse.
    let mut healthy = TcpStream::connect(&ns.addr).unwrap();

    let header = br#"{"code":206,"flag":0,"language":"JAVA","opaque":1,"version":409}"#;
    let too_long = frame(header, 10_000, b"");
    assert!(
        closed_after(&ns.addr, &too_long),
        "header longer than frame"
    );
    assert!(
        closed_after(&ns.addr, &frame(b"{not json", 9, b"")),
        "invalid JSON"
    );
    assert!(
        closed_after(&ns.addr, &frame(b"[1,2]", 5, b"")),
        "JSON that is not an object"
    );
    assert!(
        closed_after(&ns.addr, &(17u32 * 1024 * 1024).to_be_bytes()),
        "oversized frame"
    );
    assert!(
        closed_after(&ns.addr, &frame(b"", 0x0700_0000, b"")),
        "unknown serialize type"
    );
    assert!(
        closed_after(&ns.addr, &[0, 0, 0, 2, 0, 0]),
        "frame shorter than its header word"
    );
    let binary_lie = frame(&[0, 105, 0, 1], 0x0100_0004, b"");
    assert!(
        closed_after(&ns.addr, &binary_lie),
        "truncated binary header"
    );

    // Truncated frame: the client gives up mid-frame.
    {
        let mut s = TcpStream::connect(&ns.addr).unwrap();
        let good = frame(header, header.len() as u32, b"");
        s.write_all(&good[..good.len() / 2]).unwrap();
    }

    // Random bytes, many times.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..50 {
        let mut junk = vec![0u8; 64];
        for b in junk.iter_mut() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            *b = seed as u8;
        }
        let mut s = TcpStream::connect(&ns.addr).unwrap();
        let _ = s.write_all(&junk);
    }

    still_serves(&ns.addr);
    // The connection opened before the abuse still works.
    healthy
        .write_all(&frame(header, header.len() as u32, b""))
        .unwrap();
    let mut len = [0u8; 4];
    healthy
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    healthy.read_exact(&mut len).unwrap();
    assert!(u32::from_be_bytes(len) > 4);
}
