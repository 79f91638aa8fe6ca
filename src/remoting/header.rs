//! Typed views of `extFields`: a header struct declares its fields and their
//! RocketMQ key names once, and gets decoding (with RocketMQ's leniency) and
//! encoding (every value a string) from `command_header!`.

use super::command::RemotingCommand;
use super::error::RemotingError;
use super::ext_fields::{ExtFields, HeaderStr};

/// A request or response header carried in `extFields`.
pub trait CommandHeader: Sized {
    fn from_ext(ext: &ExtFields) -> Result<Self, RemotingError>;
    fn write_ext(&self, ext: &mut ExtFields);
}

/// One header field's type: how it reads from and writes to its string form.
pub trait HeaderValue: Sized {
    fn read(key: &'static str, raw: Option<&str>) -> Result<Self, RemotingError>;
    /// The field's string form; None leaves the field out.
    fn write(&self) -> Option<HeaderStr>;
}

fn required<'a>(key: &'static str, raw: Option<&'a str>) -> Result<&'a str, RemotingError> {
    raw.ok_or(RemotingError::MissingField(key))
}

impl HeaderValue for String {
    fn read(key: &'static str, raw: Option<&str>) -> Result<Self, RemotingError> {
        required(key, raw).map(str::to_string)
    }
    fn write(&self) -> Option<HeaderStr> {
        Some(HeaderStr::from(self.clone()))
    }
}

macro_rules! numeric_header_value {
    ($($t:ty),*) => {$(
        impl HeaderValue for $t {
            fn read(key: &'static str, raw: Option<&str>) -> Result<Self, RemotingError> {
                let raw = required(key, raw)?;
                raw.trim().parse().map_err(|_| RemotingError::InvalidField {
                    field: key,
                    value: raw.to_string(),
                })
            }
            fn write(&self) -> Option<HeaderStr> {
                Some(decimal(self.unsigned_abs() as u64, *self < 0))
            }
        }
    )*};
}
numeric_header_value!(i32, i64);

macro_rules! unsigned_header_value {
    ($($t:ty),*) => {$(
        impl HeaderValue for $t {
            fn read(key: &'static str, raw: Option<&str>) -> Result<Self, RemotingError> {
                let raw = required(key, raw)?;
                raw.trim().parse().map_err(|_| RemotingError::InvalidField {
                    field: key,
                    value: raw.to_string(),
                })
            }
            fn write(&self) -> Option<HeaderStr> {
                Some(decimal(*self as u64, false))
            }
        }
    )*};
}
unsigned_header_value!(u32, u64);

/// `n` (negated when `negative`) in decimal, without `fmt`: every request and response
/// writes a few numbers into its header.
fn decimal(mut n: u64, negative: bool) -> HeaderStr {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(buf.len() - at + 1);
    if negative {
        s.push('-');
    }
    // Only ASCII digits were written.
    s.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
    HeaderStr::from(s)
}

impl HeaderValue for bool {
    /// Java's `Boolean.parseBoolean`: "true" in any case is true, anything else false.
    fn read(key: &'static str, raw: Option<&str>) -> Result<Self, RemotingError> {
        Ok(required(key, raw)?.trim().eq_ignore_ascii_case("true"))
    }
    fn write(&self) -> Option<HeaderStr> {
        Some(HeaderStr::from_static(if *self { "true" } else { "false" }))
    }
}

impl<T: HeaderValue> HeaderValue for Option<T> {
    fn read(key: &'static str, raw: Option<&str>) -> Result<Self, RemotingError> {
        match raw {
            None | Some("") => Ok(None),
            Some(_) => T::read(key, raw).map(Some),
        }
    }
    fn write(&self) -> Option<HeaderStr> {
        self.as_ref().and_then(T::write)
    }
}

/// Declares a header struct: `field: Type => "rocketmqKey"`. `Option` fields
/// are optional; all others are required.
#[macro_export]
macro_rules! command_header {
    ($(#[$m:meta])* pub struct $name:ident {
        $( $(#[$fm:meta])* $field:ident : $ty:ty => $key:literal ),* $(,)?
    }) => {
        $(#[$m])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name { $( $(#[$fm])* pub $field: $ty ),* }

        impl $crate::remoting::header::CommandHeader for $name {
            fn from_ext(
                ext: &$crate::remoting::ExtFields,
            ) -> Result<Self, $crate::remoting::RemotingError> {
                Ok(Self { $(
                    $field: $crate::remoting::header::HeaderValue::read($key, ext.get($key))?,
                )* })
            }
            fn write_ext(&self, ext: &mut $crate::remoting::ExtFields) {
                $( if let Some(v) = $crate::remoting::header::HeaderValue::write(&self.$field) {
                    ext.insert($crate::remoting::HeaderStr::from_static($key), v);
                } )*
            }
        }
    };
}

impl RemotingCommand {
    /// Reads this command's extFields as header `H`.
    pub fn decode_header<H: CommandHeader>(&self) -> Result<H, RemotingError> {
        H::from_ext(&self.ext_fields)
    }

    /// Adds header `H`'s fields to extFields.
    pub fn with_header<H: CommandHeader>(mut self, header: &H) -> Self {
        header.write_ext(&mut self.ext_fields);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    command_header! {
        pub struct Sample {
            topic: String => "topic",
            queue_id: i32 => "queueId",
            order: bool => "order",
            cluster: Option<String> => "clusterName",
            offset: Option<i64> => "offset",
        }
    }

    #[test]
    fn decodes_and_encodes() {
        let cmd = RemotingCommand::request(1)
            .with_ext("topic", "T")
            .with_ext("queueId", " 7")
            .with_ext("order", "TRUE")
            .with_ext("unknown", "x");
        let h: Sample = cmd.decode_header().unwrap();
        assert_eq!(
            h,
            Sample {
                topic: "T".into(),
                queue_id: 7,
                order: true,
                cluster: None,
                offset: None
            }
        );
        let back = RemotingCommand::request(1).with_header(&h);
        assert_eq!(back.ext("queueId"), Some("7"));
        assert_eq!(back.ext("order"), Some("true"));
        assert!(back.ext("clusterName").is_none());
    }

    #[test]
    fn numbers_are_written_as_java_prints_them() {
        for v in [0i64, 5, -5, 1234567890123, i64::MIN, i64::MAX] {
            assert_eq!(v.write().unwrap().as_str(), v.to_string());
        }
        for v in [0i32, -1, i32::MIN, i32::MAX] {
            assert_eq!(v.write().unwrap().as_str(), v.to_string());
        }
        assert_eq!(u64::MAX.write().unwrap().as_str(), u64::MAX.to_string());
        assert_eq!(false.write().unwrap().as_str(), "false");
    }

    #[test]
    fn reports_missing_and_invalid_fields() {
        let cmd = RemotingCommand::request(1).with_ext("topic", "T");
        assert!(matches!(
            cmd.decode_header::<Sample>(),
            Err(RemotingError::MissingField("queueId"))
        ));
        let cmd = cmd.with_ext("queueId", "x").with_ext("order", "false");
        assert!(matches!(
            cmd.decode_header::<Sample>(),
            Err(RemotingError::InvalidField {
                field: "queueId",
                ..
            })
        ));
    }
}
