//! AclSigner and AclUtils#combineRequestContent: what is signed (the extFields
//! values in key order, without Signature, then the body) and how (HmacSHA1
//! with the secret key's UTF-8 bytes, Base64).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use crate::remoting::RemotingCommand;

type HmacSha1 = Hmac<Sha1>;

/// Ext fields the broker leaves out of the signed content: the signature
/// itself, and MixAll.UNIQUE_MSG_QUERY_FLAG (PlainAccessValidator#parse).
pub const UNIQUE_MSG_QUERY_FLAG: &str = "_UNIQUE_KEY_QUERY";

/// The bytes a request's signature covers: every ext field's value in key
/// order, but Signature's and `_UNIQUE_KEY_QUERY`'s, then the body. The broker
/// leaves `_UNIQUE_KEY_QUERY` out (PlainAccessValidator#parse); Java's client
/// signs it, so its queries by unique key fail against ACL brokers (Apache
/// RocketMQ issues 1216, 5310, 5636). mq's client leaves it out too, and its
/// queries pass on mq's and on Apache's brokers.
pub fn client_content(request: &RemotingCommand) -> Vec<u8> {
    broker_content(request)
}

/// The bytes a broker checks a signature against (see `client_content`).
pub fn broker_content(request: &RemotingCommand) -> Vec<u8> {
    content(request, |k| {
        k != super::SIGNATURE && k != UNIQUE_MSG_QUERY_FLAG
    })
}

fn content(request: &RemotingCommand, keep: impl Fn(&str) -> bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(128 + request.body_len());
    // ExtFields iterates in key order, as Java's TreeMap of the fields.
    for (k, v) in request.ext_fields.iter() {
        if keep(k) {
            out.extend_from_slice(v.as_bytes());
        }
    }
    out.extend_from_slice(&request.body);
    for part in request.body_parts() {
        out.extend_from_slice(part);
    }
    out
}

fn mac(secret_key: &str, data: &[u8]) -> HmacSha1 {
    // HMAC takes keys of any length: new_from_slice cannot fail.
    let mut mac = HmacSha1::new_from_slice(secret_key.as_bytes()).expect("HMAC takes any key");
    mac.update(data);
    mac
}

/// AclSigner#calSignature: Base64 of HmacSHA1(secret key, data).
pub fn sign(data: &[u8], secret_key: &str) -> String {
    STANDARD.encode(mac(secret_key, data).finalize().into_bytes())
}

/// Whether `signature` is `sign(data, secret_key)`, compared in constant time.
pub fn verify(data: &[u8], secret_key: &str, signature: &str) -> bool {
    match STANDARD.decode(signature.trim_end_matches(char::is_whitespace)) {
        // Only the canonical encoding of the expected bytes decodes to them:
        // the engine refuses non-zero trailing bits and missing padding.
        Ok(raw) => mac(secret_key, data).verify_slice(&raw).is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_as_openssl_does() {
        // printf 'RocketMQ1topicAhello' | openssl dgst -sha1 -hmac 12345678 -binary | base64
        assert_eq!(
            sign(b"RocketMQ1topicAhello", "12345678"),
            "92K+O6oS6avM8rHNkr77WUztOQ4="
        );
        assert!(verify(
            b"RocketMQ1topicAhello",
            "12345678",
            "92K+O6oS6avM8rHNkr77WUztOQ4="
        ));
        assert!(!verify(
            b"RocketMQ1topicAhello",
            "12345679",
            "92K+O6oS6avM8rHNkr77WUztOQ4="
        ));
        assert!(!verify(b"RocketMQ1topicAhello", "12345678", "not base64!"));
        assert!(!verify(b"RocketMQ1topicAhello", "12345678", ""));
    }

    #[test]
    fn content_is_sorted_values_then_body() {
        let req = RemotingCommand::request(10)
            .with_ext("topic", "topicA")
            .with_ext("a", "1")
            .with_ext("AccessKey", "RocketMQ")
            .with_ext("Signature", "ignored")
            .with_ext("_UNIQUE_KEY_QUERY", "true")
            .with_body(&b"hello"[..]);
        // Java's TreeMap order (UTF-16): upper case before lower case.
        assert_eq!(client_content(&req), b"RocketMQ1topicAhello".to_vec());
        assert_eq!(broker_content(&req), b"RocketMQ1topicAhello".to_vec());
    }
}
