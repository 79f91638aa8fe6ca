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
    /// `write_ext`, its strings moved into extFields rather than copied.
    fn into_ext(self, ext: &mut ExtFields);
}

/// One header field's type: how it reads from and writes to its string form.
pub trait HeaderValue: Sized {
    /// The field's value from its string in extFields (None when absent); a `HeaderStr`
    /// field shares the string rather than copying it.
    fn read(key: &'static str, raw: Option<&HeaderStr>) -> Result<Self, RemotingError>;
    /// The field's string form; None leaves the field out.
    fn write(&self) -> Option<HeaderStr>;
    /// `write`, consuming the value (a `String` becomes the string without a copy).
    fn into_write(self) -> Option<HeaderStr> {
        self.write()
    }
}

fn required<'a>(key: &'static str, raw: Option<&'a HeaderStr>) -> Result<&'a str, RemotingError> {
    raw.map(HeaderStr::as_str)
        .ok_or(RemotingError::MissingField(key))
}

impl HeaderValue for String {
    fn read(key: &'static str, raw: Option<&HeaderStr>) -> Result<Self, RemotingError> {
        required(key, raw).map(str::to_string)
    }
    fn write(&self) -> Option<HeaderStr> {
        Some(HeaderStr::from(self.clone()))
    }
    fn into_write(self) -> Option<HeaderStr> {
        Some(HeaderStr::from(self))
    }
}

impl HeaderValue for HeaderStr {
    fn read(key: &'static str, raw: Option<&HeaderStr>) -> Result<Self, RemotingError> {
        raw.cloned().ok_or(RemotingError::MissingField(key))
    }
    fn write(&self) -> Option<HeaderStr> {
        Some(self.clone())
    }
}

macro_rules! numeric_header_value {
    ($($t:ty),*) => {$(
        impl HeaderValue for $t {
            fn read(key: &'static str, raw: Option<&HeaderStr>) -> Result<Self, RemotingError> {
                let raw = required(key, raw)?;
                // Trimmed only when it does not parse as sent (it nearly always does).
                raw.parse()
                    .or_else(|_| raw.trim().parse())
                    .map_err(|_| RemotingError::InvalidField {
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
            fn read(key: &'static str, raw: Option<&HeaderStr>) -> Result<Self, RemotingError> {
                let raw = required(key, raw)?;
                // Trimmed only when it does not parse as sent (it nearly always does).
                raw.parse()
                    .or_else(|_| raw.trim().parse())
                    .map_err(|_| RemotingError::InvalidField {
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

/// `n` (negated when `negative`) in decimal: inline, no allocation (every request and
/// response writes a few numbers into its header).
fn decimal(n: u64, negative: bool) -> HeaderStr {
    HeaderStr::decimal(n, negative)
}

impl HeaderValue for bool {
    /// Java's `Boolean.parseBoolean`: "true" in any case is true, anything else false.
    fn read(key: &'static str, raw: Option<&HeaderStr>) -> Result<Self, RemotingError> {
        Ok(required(key, raw)?.trim().eq_ignore_ascii_case("true"))
    }
    fn write(&self) -> Option<HeaderStr> {
        Some(HeaderStr::from_static(if *self { "true" } else { "false" }))
    }
}

impl<T: HeaderValue> HeaderValue for Option<T> {
    fn read(key: &'static str, raw: Option<&HeaderStr>) -> Result<Self, RemotingError> {
        match raw {
            None => Ok(None),
            Some(s) if s.is_empty() => Ok(None),
            Some(_) => T::read(key, raw).map(Some),
        }
    }
    fn write(&self) -> Option<HeaderStr> {
        self.as_ref().and_then(T::write)
    }
    fn into_write(self) -> Option<HeaderStr> {
        self.and_then(T::into_write)
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
                // One pass over the entries, each key matched once, rather than a search
                // per field: a send header has fourteen.
                $( let mut $field: Option<&$crate::remoting::HeaderStr> = None; )*
                for (k, v) in ext.entries() {
                    match k.as_str() {
                        $( $key => $field = Some(v), )*
                        _ => {}
                    }
                }
                Ok(Self { $(
                    $field: $crate::remoting::header::HeaderValue::read($key, $field)?,
                )* })
            }
            fn write_ext(&self, ext: &mut $crate::remoting::ExtFields) {
                $( if let Some(v) = $crate::remoting::header::HeaderValue::write(&self.$field) {
                    ext.insert($crate::remoting::HeaderStr::from_static($key), v);
                } )*
            }
            fn into_ext(self, ext: &mut $crate::remoting::ExtFields) {
                $( if let Some(v) = $crate::remoting::header::HeaderValue::into_write(self.$field) {
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

    /// `with_header`, moving the header's strings in.
    pub fn with_header_owned<H: CommandHeader>(mut self, header: H) -> Self {
        header.into_ext(&mut self.ext_fields);
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
