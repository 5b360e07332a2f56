//! Numbers as an analyst writes them: thousands separators and durations. Below every
//! layer (import, store and analysis use it as much as report and ui do); no I/O here.

/// `18754` → `18,754`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// Seconds as `42 s`, `3 min 5 s`.
pub fn duration(seconds: f64) -> String {
    if seconds < 60.0 {
        format!("{seconds:.0} s")
    } else {
        let whole = seconds.round() as u64;
        format!("{} min {} s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(18754), "18,754");
        assert_eq!(thousands(-1234567), "-1,234,567");
        assert_eq!(duration(5.2), "5 s");
        assert_eq!(duration(185.0), "3 min 5 s");
    }
}
