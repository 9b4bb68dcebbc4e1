//! The JSON tree a questionnaire file is checked on, and how it is read.
//!
//! Text is parsed by a well-kept parser wherever the check runs: serde_json natively (the
//! CLI, build.rs, tests; [`parse`], through this tree's serde `Deserialize`) and the
//! browser's own `JSON.parse` in the questionnaire checker wasm (src/browser/checker.rs
//! walks its result into the tree), so no JSON parser of our own is left. The
//! validator's walk, its paths and its messages are then the same everywhere. What the
//! two parsers would read differently is made the same here: objects keep their keys
//! sorted with a repeated key's last value, and a whole number written `1.0` is the
//! whole number 1 (JavaScript has no other kind; [`Number::from_js`]).

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// A list.
    Array(Vec<Value>),
    /// An object: keys sorted and unique, as in serde_json's `Map`.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The value of `key` when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// A number, kept the way serde_json keeps it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A whole number from 0 to `u64::MAX`.
    PosInt(u64),
    /// A negative whole number that fits an `i64`.
    NegInt(i64),
    /// Anything else: a fraction, `-0`, or a whole number too large for an `i64`.
    Float(f64),
}

impl Number {
    /// The number as an `i64`, if it is a whole number that fits.
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::PosInt(n) => i64::try_from(n).ok(),
            Number::NegInt(n) => Some(n),
            Number::Float(_) => None,
        }
    }
}

impl Number {
    /// A number as JavaScript holds it (an f64): a safe whole number is whole, `-0` and
    /// everything else a float. serde_json's `1.0` is read the same way (see the visitor).
    pub fn from_js(x: f64) -> Number {
        let whole =
            x.fract() == 0.0 && x.abs() < SAFE_INTEGER && !(x == 0.0 && x.is_sign_negative());
        if !whole {
            Number::Float(x)
        } else if x >= 0.0 {
            Number::PosInt(x as u64)
        } else {
            Number::NegInt(x as i64)
        }
    }
}

impl fmt::Display for Number {
    /// As serde_json writes it: floats in their shortest round-trip form, with `.0` on
    /// whole values and an exponent (`1e+16`, `1.5e-7`) outside 1e-5 to 1e16.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::PosInt(n) => write!(f, "{n}"),
            Number::NegInt(n) => write!(f, "{n}"),
            Number::Float(x) => f.write_str(&float_text(x)),
        }
    }
}

/// serde_json's (zmij's) layout of an f64: the shortest digits that read back as the
/// same value, in fixed notation for decimal exponents -5 to 15, else `d.ddde±x`.
fn float_text(x: f64) -> String {
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    // `{:e}` gives the shortest round-trip digits as `d.ddde±x`. Where two digit strings
    // of that length are equally near, it rounds up and zmij to even; formatting again
    // to that many digits rounds exactly, ties to even, so the two agree.
    let shortest = format!("{x:e}");
    let digits = shortest.find('e').unwrap_or(0) - usize::from(x < 0.0);
    let sci = format!("{x:.*e}", digits.saturating_sub(2));
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let n = digits.len() as i32;
    let body = if (-5..=15).contains(&exp) {
        if exp >= n - 1 {
            // 1234e7 -> 12340000000.0
            format!("{digits}{}.0", "0".repeat((exp - (n - 1)) as usize))
        } else if exp >= 0 {
            // 1234e-2 -> 12.34
            let (int, frac) = digits.split_at(exp as usize + 1);
            format!("{int}.{frac}")
        } else {
            // 1234e-6 -> 0.001234
            format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let exp_sign = if exp < 0 { '-' } else { '+' };
        format!("{first}{dot}{rest}e{exp_sign}{}", exp.abs())
    };
    format!("{sign}{body}")
}

/// Parses JSON text natively (serde_json), with serde_json's messages: `expected value at
/// line 1 column 2`.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|err| err.to_string())
}

/// The largest magnitude below which every whole number is exact in an f64 (2^53), as
/// JavaScript's `Number.isSafeInteger` counts it.
const SAFE_INTEGER: f64 = 9_007_199_254_740_992.0;

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(Number::PosInt(n)))
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(match u64::try_from(n) {
            Ok(n) => Number::PosInt(n),
            Err(_) => Number::NegInt(n),
        }))
    }

    fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Value, E> {
        // `1.0` is the whole number 1, as `JSON.parse` reads it; `-0.0` stays a float.
        Ok(Value::Number(Number::from_js(x)))
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut values = Vec::new();
        while let Some(value) = seq.next_element()? {
            values.push(value);
        }
        Ok(Value::Array(values))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries: Vec<(String, Value)> = Vec::new();
        while let Some((key, value)) = map.next_entry()? {
            entries.push((key, value));
        }
        // Sorted by key, a repeated key keeping its last value: a stable sort keeps the
        // repeats in file order, then each run keeps its last.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut unique: Vec<(String, Value)> = Vec::with_capacity(entries.len());
        for entry in entries {
            match unique.last_mut() {
                Some(last) if last.0 == entry.0 => *last = entry,
                _ => unique.push(entry),
            }
        }
        Ok(Value::Object(unique))
    }
}
