//! RemotingCommand: the one message type of the RocketMQ remoting protocol,
//! used for every request and every response in both directions.

use std::sync::Arc;

use bytes::Bytes;

use super::code::response;
use super::ext_fields::{ExtFields, HeaderStr};

/// Flag bit 0: the command is a response.
pub const FLAG_RESPONSE: i32 = 1;
/// Flag bit 1: the request expects no response.
pub const FLAG_ONEWAY: i32 = 2;

/// The version `mq` announces: Apache RocketMQ 4.9.8's ordinal, so name servers
/// answer with standard JSON (quoted numeric keys) and brokers enable every
/// 4.x feature.
pub const MQ_VERSION: i32 = 409;

/// How a command's header is encoded on the wire (the high byte of the header-length word).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SerializeType {
    #[default]
    Json,
    RocketMq,
}

impl SerializeType {
    pub fn code(self) -> u8 {
        match self {
            SerializeType::Json => 0,
            SerializeType::RocketMq => 1,
        }
    }

    pub fn from_code(code: u8) -> Option<Self> {
        match code {
            0 => Some(SerializeType::Json),
            1 => Some(SerializeType::RocketMq),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SerializeType::Json => "JSON",
            SerializeType::RocketMq => "ROCKETMQ",
        }
    }
}

/// RocketMQ's `LanguageCode`: which client implementation sent a command.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LanguageCode {
    #[default]
    Java,
    Cpp,
    Dotnet,
    Python,
    Delphi,
    Erlang,
    Ruby,
    Other,
    Http,
    Go,
    Php,
    Oms,
    Rust,
    Js,
}

const LANGUAGES: [(LanguageCode, &str); 14] = [
    (LanguageCode::Java, "JAVA"),
    (LanguageCode::Cpp, "CPP"),
    (LanguageCode::Dotnet, "DOTNET"),
    (LanguageCode::Python, "PYTHON"),
    (LanguageCode::Delphi, "DELPHI"),
    (LanguageCode::Erlang, "ERLANG"),
    (LanguageCode::Ruby, "RUBY"),
    (LanguageCode::Other, "OTHER"),
    (LanguageCode::Http, "HTTP"),
    (LanguageCode::Go, "GO"),
    (LanguageCode::Php, "PHP"),
    (LanguageCode::Oms, "OMS"),
    (LanguageCode::Rust, "RUST"),
    (LanguageCode::Js, "JS"),
];

impl LanguageCode {
    /// The byte used by the binary (ROCKETMQ) header encoding.
    pub fn code(self) -> u8 {
        LANGUAGES.iter().position(|(l, _)| *l == self).unwrap_or(7) as u8
    }

    /// Unknown bytes map to `Other`, as a lenient peer should.
    pub fn from_code(code: u8) -> Self {
        LANGUAGES
            .get(code as usize)
            .map(|(l, _)| *l)
            .unwrap_or(LanguageCode::Other)
    }

    pub fn name(self) -> &'static str {
        LANGUAGES[self.code() as usize].1
    }

    /// Unknown names map to `Other`.
    pub fn from_name(name: &str) -> Self {
        LANGUAGES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(l, _)| *l)
            .unwrap_or(LanguageCode::Other)
    }
}

/// A request or a response. `ext_fields` is RocketMQ's "custom header": a
/// string map whose keys depend on the code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RemotingCommand {
    pub code: i32,
    pub language: LanguageCode,
    pub version: i32,
    pub opaque: i32,
    pub flag: i32,
    pub remark: Option<String>,
    pub ext_fields: ExtFields,
    pub body: Bytes,
    /// More of the body, sent after `body` without being joined to it: a pull response's
    /// messages, each still a slice of its mapped file. None in a decoded command. Behind
    /// one pointer, so that commands without parts (nearly all) stay small.
    pub body_parts: Option<Arc<Vec<Bytes>>>,
    /// The encoding this command arrived in (or is to be sent in).
    pub serialize_type: SerializeType,
}

impl RemotingCommand {
    /// A request with this code; opaque is set when it is sent.
    pub fn request(code: i32) -> Self {
        RemotingCommand {
            code,
            version: MQ_VERSION,
            ..Default::default()
        }
    }

    /// A response with this code and remark.
    pub fn response(code: i32, remark: impl Into<Option<String>>) -> Self {
        RemotingCommand {
            code,
            version: MQ_VERSION,
            flag: FLAG_RESPONSE,
            remark: remark.into(),
            ..Default::default()
        }
    }

    pub fn success() -> Self {
        Self::response(response::SUCCESS, None)
    }

    /// RocketMQ's answer to a code nobody handles.
    pub fn not_supported(code: i32) -> Self {
        Self::response(
            response::REQUEST_CODE_NOT_SUPPORTED,
            format!(" request type {code} not supported"),
        )
    }

    pub fn error(code: i32, remark: impl Into<String>) -> Self {
        Self::response(code, Some(remark.into()))
    }

    pub fn with_ext(mut self, key: &'static str, value: impl ToString) -> Self {
        self.ext_fields
            .insert(HeaderStr::from_static(key), value.to_string());
        self
    }

    pub fn with_body(mut self, body: impl Into<Bytes>) -> Self {
        self.body = body.into();
        self
    }

    /// The length of the body on the wire: `body` and `body_parts`.
    pub fn body_len(&self) -> usize {
        self.body.len() + self.body_parts().iter().map(Bytes::len).sum::<usize>()
    }

    /// `body_parts`, empty when there are none.
    pub fn body_parts(&self) -> &[Bytes] {
        self.body_parts.as_deref().map_or(&[], Vec::as_slice)
    }

    pub fn is_response(&self) -> bool {
        self.flag & FLAG_RESPONSE != 0
    }

    pub fn is_oneway(&self) -> bool {
        self.flag & FLAG_ONEWAY != 0
    }

    pub fn ext(&self, key: &str) -> Option<&str> {
        self.ext_fields.get(key)
    }

    /// The remark, or the code's name when there is none: for error messages.
    pub fn describe_error(&self) -> String {
        let name = response::name(self.code).unwrap_or("UNKNOWN");
        match self.remark.as_deref() {
            Some(r) if !r.trim().is_empty() => format!("{} ({}): {}", name, self.code, r.trim()),
            _ => format!("{} ({})", name, self.code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip() {
        for (lang, name) in LANGUAGES {
            assert_eq!(LanguageCode::from_code(lang.code()), lang);
            assert_eq!(LanguageCode::from_name(name), lang);
            assert_eq!(lang.name(), name);
        }
        assert_eq!(LanguageCode::Rust.code(), 12);
        assert_eq!(LanguageCode::from_name("COBOL"), LanguageCode::Other);
        assert_eq!(LanguageCode::from_code(200), LanguageCode::Other);
    }
}
