//! Reading JSON text into a small tree, for the questionnaire loader.
//!
//! This replaces serde_json on the widget's path: serde's generic machinery (a parser,
//! a `Value` deserializer and one visitor per file type) was the largest single part of
//! the wasm. The tree and its errors match serde_json's exactly, because the messages
//! reach editors: the same syntax errors with the same words, line and column, objects
//! with their keys sorted and a repeated key's last value kept, numbers as unsigned,
//! negative or float as serde_json reads them, and the same nesting limit. Native tests
//! hold the two parsers to each other.

use std::fmt;

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
}

/// A number, kept the way serde_json keeps it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A whole number from 0 to `u64::MAX`.
    PosInt(u64),
    /// A negative whole number that fits an `i64`.
    NegInt(i64),
    /// Anything else: a fraction, an exponent, `-0`, or a whole number too large.
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

/// A syntax error, displayed as serde_json displays it: `expected value at line 1
/// column 2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    message: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const HEX_END: &str = "unexpected end of hex escape";
const TOO_DEEP: &str = "recursion limit exceeded";

/// Parses JSON text (one value, surrounded by whitespace at most).
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        index: 0,
        depth: 128,
    };
    let value = p.value()?;
    match p.whitespace() {
        Some(_) => Err(p.peek_error(TRAILING_CHARACTERS)),
        None => Ok(value),
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    index: usize,
    /// Nesting left before serde_json's recursion limit.
    depth: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.index += 1;
        Some(b)
    }

    /// An error at the last byte read (serde_json's `error`).
    fn error(&self, message: &'static str) -> Error {
        self.error_at(self.index, message)
    }

    /// An error at the byte peeked (serde_json's `peek_error`).
    fn peek_error(&self, message: &'static str) -> Error {
        self.error_at((self.index + 1).min(self.bytes.len()), message)
    }

    fn error_at(&self, i: usize, message: &'static str) -> Error {
        let before = &self.bytes[..i];
        let start_of_line = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        Error {
            message,
            line: 1 + before[..start_of_line]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
            column: i - start_of_line,
        }
    }

    /// Skips whitespace and returns the next byte without consuming it.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value, Error> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(EOF_VALUE));
        };
        match peek {
            b'n' => self.ident(b"null", Value::Null),
            b't' => self.ident(b"true", Value::Bool(true)),
            b'f' => self.ident(b"false", Value::Bool(false)),
            b'-' => {
                self.index += 1;
                self.integer(false).map(Value::Number)
            }
            b'0'..=b'9' => self.integer(true).map(Value::Number),
            b'"' => {
                self.index += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_error(TOO_DEEP));
                }
                self.index += 1;
                let value = if peek == b'[' {
                    self.list()
                } else {
                    self.object()
                };
                self.depth += 1;
                value
            }
            _ => Err(self.peek_error(EXPECTED_VALUE)),
        }
    }

    fn ident(&mut self, ident: &[u8], value: Value) -> Result<Value, Error> {
        self.index += 1;
        for expected in &ident[1..] {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) if b != *expected => return Err(self.error(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    fn list(&mut self) -> Result<Value, Error> {
        let mut list = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(EOF_LIST));
            };
            if peek == b']' {
                self.index += 1;
                return Ok(Value::Array(list));
            }
            if !list.is_empty() {
                if peek != b',' {
                    return Err(self.peek_error(EXPECTED_LIST_END));
                }
                self.index += 1;
                match self.whitespace() {
                    Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            }
            list.push(self.value()?);
        }
    }

    fn object(&mut self) -> Result<Value, Error> {
        let mut entries: Vec<(String, Value)> = Vec::new();
        let mut first = true;
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(EOF_OBJECT));
            };
            if peek == b'}' {
                self.index += 1;
                // serde_json's map keeps keys sorted, and a repeated key's last value.
                entries.reverse();
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                entries.dedup_by(|later, kept| later.0 == kept.0);
                return Ok(Value::Object(entries));
            }
            let key_next = if first {
                first = false;
                peek
            } else if peek == b',' {
                self.index += 1;
                match self.whitespace() {
                    Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(b) => b,
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            } else {
                return Err(self.peek_error(EXPECTED_OBJECT_END));
            };
            if key_next != b'"' {
                return Err(self.peek_error(KEY_STRING));
            }
            self.index += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error(EXPECTED_COLON)),
                None => return Err(self.peek_error(EOF_OBJECT)),
            }
            let value = self.value()?;
            entries.push((key, value));
        }
    }

    /// The rest of a string, after its opening quote.
    fn string(&mut self) -> Result<String, Error> {
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.next() else {
                return Err(self.error(EOF_STRING));
            };
            match b {
                b'"' => return Ok(String::from_utf8(out).unwrap_or_default()),
                b'\\' => self.escape(&mut out)?,
                0..=0x1f => return Err(self.error(CONTROL)),
                _ => out.push(b),
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        let Some(b) = self.next() else {
            return Err(self.error(EOF_STRING));
        };
        let c = match b {
            b'"' | b'\\' | b'/' => b,
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(INVALID_ESCAPE)),
        };
        out.push(c);
        Ok(())
    }

    fn unicode_escape(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        let n = self.hex4()?;
        let code = match n {
            0xDC00..=0xDFFF => return Err(self.error(LONE_SURROGATE)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.peek() {
                        None => return Err(self.error(EOF_STRING)),
                        Some(b) => {
                            self.index += 1;
                            if b != expected {
                                return Err(self.error(HEX_END));
                            }
                        }
                    }
                }
                let n2 = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&n2) {
                    return Err(self.error(LONE_SURROGATE));
                }
                (((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000
            }
            _ => n,
        };
        let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(EOF_STRING));
        };
        self.index += 4;
        let mut n = 0;
        for &d in digits {
            let Some(v) = (d as char).to_digit(16) else {
                return Err(self.error(INVALID_ESCAPE));
            };
            n = n * 16 + v;
        }
        Ok(n)
    }

    /// A number, after its minus sign if any: serde_json's `parse_integer` and the
    /// functions it calls, without `float_roundtrip`.
    fn integer(&mut self, positive: bool) -> Result<Number, Error> {
        let mut significand: u64 = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
                0
            }
            Some(c @ b'1'..=b'9') => u64::from(c - b'0'),
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        let mut exponent = 0i32;
        // Digits that no longer fit a u64 only scale the number.
        let mut overflowed = false;
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            match significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(u64::from(c - b'0')))
            {
                Some(s) if !overflowed => significand = s,
                _ => {
                    overflowed = true;
                    exponent += 1;
                }
            }
            self.index += 1;
        }
        match self.peek_or_null() {
            b'.' => self.decimal(positive, significand, exponent),
            b'e' | b'E' => self.exponent(positive, significand, exponent),
            _ if overflowed => self.float(positive, significand, exponent),
            _ if positive => Ok(Number::PosInt(significand)),
            _ => {
                let neg = (significand as i64).wrapping_neg();
                // A float on underflow, and for `-0`.
                Ok(if neg >= 0 {
                    Number::Float(-(significand as f64))
                } else {
                    Number::NegInt(neg)
                })
            }
        }
    }

    fn decimal(
        &mut self,
        positive: bool,
        mut significand: u64,
        exponent: i32,
    ) -> Result<Number, Error> {
        self.index += 1;
        let mut after_point = 0i32;
        let mut digits = false;
        let mut overflowed = false;
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            digits = true;
            if !overflowed {
                match significand
                    .checked_mul(10)
                    .and_then(|s| s.checked_add(u64::from(c - b'0')))
                {
                    Some(s) => {
                        significand = s;
                        after_point -= 1;
                    }
                    // serde_json ignores every digit after the one that overflows.
                    None => overflowed = true,
                }
            }
            self.index += 1;
        }
        if !digits {
            return Err(match self.peek() {
                Some(_) => self.peek_error(INVALID_NUMBER),
                None => self.peek_error(EOF_VALUE),
            });
        }
        let exponent = exponent + after_point;
        match self.peek_or_null() {
            b'e' | b'E' => self.exponent(positive, significand, exponent),
            _ => self.float(positive, significand, exponent),
        }
    }

    fn exponent(
        &mut self,
        positive: bool,
        significand: u64,
        starting: i32,
    ) -> Result<Number, Error> {
        self.index += 1;
        let positive_exp = match self.peek_or_null() {
            b'+' => {
                self.index += 1;
                true
            }
            b'-' => {
                self.index += 1;
                false
            }
            _ => true,
        };
        let mut exp: i32 = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            self.index += 1;
            match exp
                .checked_mul(10)
                .and_then(|e| e.checked_add(i32::from(c - b'0')))
            {
                Some(e) => exp = e,
                None => {
                    // An exponent beyond i32: infinity is an error, zero is zero.
                    if significand != 0 && positive_exp {
                        return Err(self.error(OUT_OF_RANGE));
                    }
                    while self.peek_or_null().is_ascii_digit() {
                        self.index += 1;
                    }
                    return Ok(Number::Float(if positive { 0.0 } else { -0.0 }));
                }
            }
        }
        let exponent = if positive_exp {
            starting.saturating_add(exp)
        } else {
            starting.saturating_sub(exp)
        };
        self.float(positive, significand, exponent)
    }

    /// serde_json's `f64_from_parts`: one multiplication or division by a power of ten
    /// (not always correctly rounded, but the same value serde_json reads).
    fn float(&self, positive: bool, significand: u64, mut exponent: i32) -> Result<Number, Error> {
        let mut f = significand as f64;
        loop {
            match pow10(exponent.unsigned_abs()) {
                Some(pow) => {
                    if exponent >= 0 {
                        f *= pow;
                        if f.is_infinite() {
                            return Err(self.error(OUT_OF_RANGE));
                        }
                    } else {
                        f /= pow;
                    }
                    break;
                }
                None => {
                    if f == 0.0 {
                        break;
                    }
                    if exponent >= 0 {
                        return Err(self.error(OUT_OF_RANGE));
                    }
                    f /= 1e308;
                    exponent += 308;
                }
            }
        }
        Ok(Number::Float(if positive { f } else { -f }))
    }
}

/// 10^n for n up to 308, correctly rounded (the value of serde_json's table of
/// literals, without the 2.5 KB table), or `None` beyond.
fn pow10(n: u32) -> Option<f64> {
    (n <= 308).then(|| pow10_big(n))
}

/// The f64 nearest to 10^n, computed with a normalised 128-bit mantissa and a binary
/// exponent, rounding once at the end. The mantissa keeps 128 bits of 10^n's binary
/// expansion and a sticky bit for anything dropped, which is enough to round 10^n
/// (n <= 308) to 53 bits correctly: the tests compare every n with the literal.
fn pow10_big(n: u32) -> f64 {
    // m * 2^e == 10^n (m truncated, sticky set when bits were dropped).
    let mut m: u128 = 1;
    let mut e: i32 = 0;
    let mut sticky = false;
    for _ in 0..n {
        // Multiply by 10 = 5 * 2: keep m below 2^124 so m * 5 fits.
        while m >= 1 << 124 {
            sticky |= m & 1 == 1;
            m >>= 1;
            e += 1;
        }
        m *= 5;
        e += 1;
    }
    // Normalise to 53 significant bits with round-half-to-even.
    let bits = 128 - m.leading_zeros() as i32;
    if bits <= 53 {
        // Exact: 10^n for n <= 22.
        return (m as f64) * 2f64.powi(e);
    }
    let shift = bits - 53;
    let mut mant = m >> shift;
    let rest = m & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rest > half || (rest == half && (sticky || mant & 1 == 1)) {
        mant += 1;
    }
    (mant as f64) * 2f64.powi(e + shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_like_serde_json() {
        for (text, message) in [
            ("", "EOF while parsing a value at line 1 column 0"),
            ("title: x", "expected ident at line 1 column 2"),
            ("{\"a\" 1}", "expected `:` at line 1 column 6"),
            ("[1,]", "trailing comma at line 1 column 4"),
            ("{\"a\":1,}", "trailing comma at line 1 column 8"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("{1:2}", "key must be a string at line 1 column 2"),
            ("\"abc", "EOF while parsing a string at line 1 column 4"),
            ("01", "invalid number at line 1 column 2"),
            ("1.", "EOF while parsing a value at line 1 column 2"),
            ("1e400", "number out of range at line 1 column 5"),
            ("{}\n x", "trailing characters at line 2 column 2"),
            ("\"\\x\"", "invalid escape at line 1 column 3"),
        ] {
            let got = parse(text).expect_err(text).to_string();
            assert_eq!(got, message, "{text:?}");
        }
    }

    #[test]
    fn objects_sort_keys_and_keep_the_last_of_a_repeated_key() {
        let value = parse(r#"{"b": 1, "a": 2, "b": 3}"#).expect("valid");
        assert_eq!(
            value,
            Value::Object(vec![
                ("a".into(), Value::Number(Number::PosInt(2))),
                ("b".into(), Value::Number(Number::PosInt(3))),
            ])
        );
    }

    #[test]
    fn numbers_print_like_serde_json() {
        for (text, shown) in [
            ("2.5", "2.5"),
            ("-0", "-0.0"),
            ("3.0", "3.0"),
            ("1e16", "1e+16"),
            ("1.5e-7", "1.5e-7"),
            ("0.0001", "0.0001"),
            ("-12", "-12"),
            ("18446744073709551615", "18446744073709551615"),
        ] {
            let Ok(Value::Number(n)) = parse(text) else {
                panic!("{text} is not a number");
            };
            assert_eq!(n.to_string(), shown, "{text}");
        }
    }

    #[test]
    fn large_powers_of_ten_are_correctly_rounded() {
        for n in 0..=308u32 {
            let literal: f64 = format!("1e{n}").parse().expect("a float");
            assert_eq!(pow10(n), Some(literal), "1e{n}");
        }
    }
}
