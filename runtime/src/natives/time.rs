//! time: Now, Since, Until, Unix, Sleep, Time's arithmetic and
//! comparisons, and Duration's methods (String in gc's exact format),
//! ported from time/time.go over Go's layout `Time{wall uint64; ext
//! int64; loc *Location}` (3 slots).
//!
//! Times from Now carry a monotonic reading (gc's hasMonotonic encoding:
//! wall = 1<<63 | seconds since 1885 << 30 | nanoseconds, ext =
//! monotonic nanoseconds since the process started), so Sub and Since
//! use the monotonic clock as gc's do. `loc` is nil (UTC): goscope has no
//! time zone database yet, and Local's formatting is not done.
//!
//! Example: `time.Duration(1500 * time.Millisecond).String()` is "1.5s",
//! `2 * time.Minute` is "2m0s", `time.Microsecond` is "1µs".

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use super::{native, Ctx, Native};
use crate::vm::Raise;

type R = Result<(), Raise>;

const HAS_MONOTONIC: u64 = 1 << 63;
const NSEC_MASK: u64 = (1 << 30) - 1;
const NSEC_SHIFT: u32 = 30;
/// Seconds from year 1 to 1970 and to 1885 (wallToInternal).
const UNIX_TO_INTERNAL: i64 = 62_135_596_800;
const WALL_TO_INTERNAL: i64 = 59_453_308_800;
const SECOND: i64 = 1_000_000_000;
const MIN_DURATION: i64 = i64::MIN;
const MAX_DURATION: i64 = i64::MAX;

/// A Time's words.
#[derive(Clone, Copy)]
struct Time {
    wall: u64,
    ext: i64,
    loc: u64,
}

impl Time {
    fn arg(c: &Ctx<'_, '_>, i: u32) -> Time {
        Time {
            wall: c.arg(i),
            ext: c.arg(i + 1) as i64,
            loc: c.arg(i + 2),
        }
    }

    fn set(self, c: &mut Ctx<'_, '_>, i: u32) {
        c.set(i, self.wall);
        c.set(i + 1, self.ext as u64);
        c.set(i + 2, self.loc);
    }

    fn nsec(&self) -> i64 {
        (self.wall & NSEC_MASK) as i64
    }

    /// Seconds since year 1.
    fn sec(&self) -> i64 {
        if self.wall & HAS_MONOTONIC != 0 {
            WALL_TO_INTERNAL + ((self.wall << 1) >> (NSEC_SHIFT + 1)) as i64
        } else {
            self.ext
        }
    }

    fn unix_sec(&self) -> i64 {
        self.sec() - UNIX_TO_INTERNAL
    }

    fn strip_mono(&mut self) {
        if self.wall & HAS_MONOTONIC != 0 {
            self.ext = self.sec();
            self.wall &= NSEC_MASK;
        }
    }

    fn add_sec(&mut self, d: i64) {
        if self.wall & HAS_MONOTONIC != 0 {
            let sec = ((self.wall << 1) >> (NSEC_SHIFT + 1)) as i64;
            let dsec = sec.wrapping_add(d);
            if (0..=(1 << 33) - 1).contains(&dsec) {
                self.wall = (self.wall & NSEC_MASK) | (dsec as u64) << NSEC_SHIFT | HAS_MONOTONIC;
                return;
            }
            self.strip_mono();
        }
        let sum = self.ext.wrapping_add(d);
        self.ext = if (sum > self.ext) == (d > 0) {
            sum
        } else if d > 0 {
            i64::MAX
        } else {
            -i64::MAX
        };
    }

    fn add(mut self, d: i64) -> Time {
        let mut dsec = d / SECOND;
        let mut nsec = self.nsec() + d % SECOND;
        if nsec >= SECOND {
            dsec += 1;
            nsec -= SECOND;
        } else if nsec < 0 {
            dsec -= 1;
            nsec += SECOND;
        }
        self.wall = (self.wall & !NSEC_MASK) | nsec as u64;
        self.add_sec(dsec);
        if self.wall & HAS_MONOTONIC != 0 {
            let te = self.ext.wrapping_add(d);
            if (d < 0 && te > self.ext) || (d > 0 && te < self.ext) {
                self.strip_mono();
            } else {
                self.ext = te;
            }
        }
        self
    }

    fn equal(&self, u: &Time) -> bool {
        if self.wall & u.wall & HAS_MONOTONIC != 0 {
            return self.ext == u.ext;
        }
        self.sec() == u.sec() && self.nsec() == u.nsec()
    }

    fn before(&self, u: &Time) -> bool {
        if self.wall & u.wall & HAS_MONOTONIC != 0 {
            return self.ext < u.ext;
        }
        let (ts, us) = (self.sec(), u.sec());
        ts < us || (ts == us && self.nsec() < u.nsec())
    }

    fn sub(&self, u: &Time) -> i64 {
        if self.wall & u.wall & HAS_MONOTONIC != 0 {
            let (te, ue) = (self.ext, u.ext);
            let d = te.wrapping_sub(ue);
            if d < 0 && te > ue {
                return MAX_DURATION;
            }
            if d > 0 && te < ue {
                return MIN_DURATION;
            }
            return d;
        }
        let d = (self.sec().wrapping_sub(u.sec()))
            .wrapping_mul(SECOND)
            .wrapping_add(self.nsec() - u.nsec());
        if u.add(d).equal(self) {
            d
        } else if self.before(u) {
            MIN_DURATION
        } else {
            MAX_DURATION
        }
    }
}

/// The process start, gc's startNano.
fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// time.Now: wall clock with a monotonic reading.
fn now_time() -> Time {
    let start = start();
    let mono = Instant::now().duration_since(start).as_nanos() as i64;
    let wall = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let sec = wall.as_secs() as i64 + UNIX_TO_INTERNAL - WALL_TO_INTERNAL;
    let nsec = wall.subsec_nanos() as u64;
    if (sec as u64) >> 33 != 0 {
        return Time {
            wall: nsec,
            ext: sec + WALL_TO_INTERNAL,
            loc: 0,
        };
    }
    Time {
        wall: HAS_MONOTONIC | (sec as u64) << NSEC_SHIFT | nsec,
        ext: mono,
        loc: 0,
    }
}

fn now(c: &mut Ctx<'_, '_>) -> R {
    now_time().set(c, 0);
    Ok(())
}

fn since(c: &mut Ctx<'_, '_>) -> R {
    let t = Time::arg(c, 0);
    c.set(3, now_time().sub(&t) as u64);
    Ok(())
}

fn until(c: &mut Ctx<'_, '_>) -> R {
    let t = Time::arg(c, 0);
    c.set(3, t.sub(&now_time()) as u64);
    Ok(())
}

/// `time.Unix(sec, nsec)`, nsec normalized into [0, 1e9).
fn unix(c: &mut Ctx<'_, '_>) -> R {
    let (mut sec, mut nsec) = (c.arg(0) as i64, c.arg(1) as i64);
    if !(0..SECOND).contains(&nsec) {
        let n = nsec / SECOND;
        sec = sec.wrapping_add(n);
        nsec -= n * SECOND;
        if nsec < 0 {
            nsec += SECOND;
            sec -= 1;
        }
    }
    Time {
        wall: nsec as u64,
        ext: sec.wrapping_add(UNIX_TO_INTERNAL),
        loc: 0,
    }
    .set(c, 2);
    Ok(())
}

/// `time.Sleep(d)`: really sleeps (one goroutine: nothing else to run).
fn sleep(c: &mut Ctx<'_, '_>) -> R {
    let d = c.arg(0) as i64;
    if d > 0 {
        c.vm.flush();
        std::thread::sleep(std::time::Duration::from_nanos(d as u64));
    }
    Ok(())
}

fn t_add(c: &mut Ctx<'_, '_>) -> R {
    let t = Time::arg(c, 0).add(c.arg(3) as i64);
    t.set(c, 4);
    Ok(())
}

fn t_sub(c: &mut Ctx<'_, '_>) -> R {
    let d = Time::arg(c, 0).sub(&Time::arg(c, 3));
    c.set(6, d as u64);
    Ok(())
}

fn t_equal(c: &mut Ctx<'_, '_>) -> R {
    let r = Time::arg(c, 0).equal(&Time::arg(c, 3));
    c.set_bool(6, r);
    Ok(())
}

fn t_before(c: &mut Ctx<'_, '_>) -> R {
    let r = Time::arg(c, 0).before(&Time::arg(c, 3));
    c.set_bool(6, r);
    Ok(())
}

fn t_after(c: &mut Ctx<'_, '_>) -> R {
    let r = Time::arg(c, 3).before(&Time::arg(c, 0));
    c.set_bool(6, r);
    Ok(())
}

fn t_is_zero(c: &mut Ctx<'_, '_>) -> R {
    let t = Time::arg(c, 0);
    c.set_bool(3, t.sec() == 0 && t.nsec() == 0);
    Ok(())
}

fn t_unix(c: &mut Ctx<'_, '_>) -> R {
    let t = Time::arg(c, 0);
    c.set(3, t.unix_sec() as u64);
    Ok(())
}

fn t_unix_milli(c: &mut Ctx<'_, '_>) -> R {
    let t = Time::arg(c, 0);
    let v = t.unix_sec().wrapping_mul(1000) + t.nsec() / 1_000_000;
    c.set(3, v as u64);
    Ok(())
}

fn t_unix_micro(c: &mut Ctx<'_, '_>) -> R {
    let t = Time::arg(c, 0);
    let v = t.unix_sec().wrapping_mul(1_000_000) + t.nsec() / 1000;
    c.set(3, v as u64);
    Ok(())
}

fn t_unix_nano(c: &mut Ctx<'_, '_>) -> R {
    let t = Time::arg(c, 0);
    let v = t.unix_sec().wrapping_mul(SECOND).wrapping_add(t.nsec());
    c.set(3, v as u64);
    Ok(())
}

fn t_nanosecond(c: &mut Ctx<'_, '_>) -> R {
    let t = Time::arg(c, 0);
    c.set(3, t.nsec() as u64);
    Ok(())
}

/// Duration.String's fmtFrac: the fraction of `v` with `prec` digits,
/// trailing zeros (and the dot when all are zero) omitted, written
/// backwards before `buf[w]`.
fn fmt_frac(buf: &mut [u8], mut w: usize, mut v: u64, prec: usize) -> (usize, u64) {
    let mut print = false;
    for _ in 0..prec {
        let digit = v % 10;
        print = print || digit != 0;
        if print {
            w -= 1;
            buf[w] = digit as u8 + b'0';
        }
        v /= 10;
    }
    if print {
        w -= 1;
        buf[w] = b'.';
    }
    (w, v)
}

fn fmt_int(buf: &mut [u8], mut w: usize, mut v: u64) -> usize {
    if v == 0 {
        w -= 1;
        buf[w] = b'0';
    }
    while v > 0 {
        w -= 1;
        buf[w] = (v % 10) as u8 + b'0';
        v /= 10;
    }
    w
}

/// gc's Duration.String.
pub fn duration_string(d: i64) -> String {
    let mut buf = [0u8; 32];
    let mut w = buf.len();
    let neg = d < 0;
    let mut u = d.unsigned_abs();
    if u < SECOND as u64 {
        if u == 0 {
            return "0s".into();
        }
        w -= 1;
        buf[w] = b's';
        let prec = if u < 1000 {
            w -= 1;
            buf[w] = b'n';
            0
        } else if u < 1_000_000 {
            w -= 2;
            buf[w..w + 2].copy_from_slice("µ".as_bytes());
            3
        } else {
            w -= 1;
            buf[w] = b'm';
            6
        };
        (w, u) = fmt_frac(&mut buf, w, u, prec);
        w = fmt_int(&mut buf, w, u);
    } else {
        w -= 1;
        buf[w] = b's';
        (w, u) = fmt_frac(&mut buf, w, u, 9);
        w = fmt_int(&mut buf, w, u % 60);
        u /= 60;
        if u > 0 {
            w -= 1;
            buf[w] = b'm';
            w = fmt_int(&mut buf, w, u % 60);
            u /= 60;
            if u > 0 {
                w -= 1;
                buf[w] = b'h';
                w = fmt_int(&mut buf, w, u);
            }
        }
    }
    if neg {
        w -= 1;
        buf[w] = b'-';
    }
    String::from_utf8_lossy(&buf[w..]).into_owned()
}

fn d_string(c: &mut Ctx<'_, '_>) -> R {
    let s = duration_string(c.arg(0) as i64);
    c.set_str(1, s.as_bytes());
    Ok(())
}

/// Whole units and the remainder as a float, as Seconds/Minutes/Hours.
fn d_float(c: &mut Ctx<'_, '_>, unit: i64) -> R {
    let d = c.arg(0) as i64;
    let (whole, rest) = (d / unit, d % unit);
    c.set_f64(1, whole as f64 + rest as f64 / unit as f64);
    Ok(())
}

fn d_seconds(c: &mut Ctx<'_, '_>) -> R {
    d_float(c, SECOND)
}

fn d_minutes(c: &mut Ctx<'_, '_>) -> R {
    d_float(c, 60 * SECOND)
}

fn d_hours(c: &mut Ctx<'_, '_>) -> R {
    d_float(c, 3600 * SECOND)
}

fn d_div(c: &mut Ctx<'_, '_>, unit: i64) -> R {
    c.set(1, ((c.arg(0) as i64) / unit) as u64);
    Ok(())
}

fn d_milliseconds(c: &mut Ctx<'_, '_>) -> R {
    d_div(c, 1_000_000)
}

fn d_microseconds(c: &mut Ctx<'_, '_>) -> R {
    d_div(c, 1000)
}

fn d_nanoseconds(c: &mut Ctx<'_, '_>) -> R {
    d_div(c, 1)
}

fn d_truncate(c: &mut Ctx<'_, '_>) -> R {
    let (d, m) = (c.arg(0) as i64, c.arg(1) as i64);
    c.set(2, if m <= 0 { d } else { d - d % m } as u64);
    Ok(())
}

fn less_than_half(x: i64, y: i64) -> bool {
    (x as u64).wrapping_add(x as u64) < y as u64
}

fn d_round(c: &mut Ctx<'_, '_>) -> R {
    let (d, m) = (c.arg(0) as i64, c.arg(1) as i64);
    let r = if m <= 0 {
        d
    } else {
        let mut r = d % m;
        if d < 0 {
            r = -r;
            if less_than_half(r, m) {
                d + r
            } else {
                match d.checked_sub(m - r) {
                    Some(d1) if d1 < d => d1,
                    _ => MIN_DURATION,
                }
            }
        } else if less_than_half(r, m) {
            d - r
        } else {
            match d.checked_add(m - r) {
                Some(d1) if d1 > d => d1,
                _ => MAX_DURATION,
            }
        }
    };
    c.set(2, r as u64);
    Ok(())
}

fn d_abs(c: &mut Ctx<'_, '_>) -> R {
    let d = c.arg(0) as i64;
    let r = if d >= 0 {
        d
    } else if d == MIN_DURATION {
        MAX_DURATION
    } else {
        -d
    };
    c.set(1, r as u64);
    Ok(())
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

fn month_string(c: &mut Ctx<'_, '_>) -> R {
    let m = c.arg(0) as i64;
    let s = match usize::try_from(m - 1).ok().and_then(|i| MONTHS.get(i)) {
        Some(n) => n.to_string(),
        None => format!("%!Month({m})"),
    };
    c.set_str(1, s.as_bytes());
    Ok(())
}

fn weekday_string(c: &mut Ctx<'_, '_>) -> R {
    let d = c.arg(0) as i64;
    let s = match usize::try_from(d).ok().and_then(|i| DAYS.get(i)) {
        Some(n) => n.to_string(),
        None => format!("%!Weekday({d})"),
    };
    c.set_str(1, s.as_bytes());
    Ok(())
}

pub(super) static NATIVES: &[Native] = &[
    native("time.Now", 0, 3, now),
    native("time.Since", 3, 1, since),
    native("time.Until", 3, 1, until),
    native("time.Unix", 2, 3, unix),
    native("time.Sleep", 1, 0, sleep),
    native("time.Time.Add", 4, 3, t_add),
    native("time.Time.Sub", 6, 1, t_sub),
    native("time.Time.Equal", 6, 1, t_equal),
    native("time.Time.Before", 6, 1, t_before),
    native("time.Time.After", 6, 1, t_after),
    native("time.Time.IsZero", 3, 1, t_is_zero),
    native("time.Time.Unix", 3, 1, t_unix),
    native("time.Time.UnixMilli", 3, 1, t_unix_milli),
    native("time.Time.UnixMicro", 3, 1, t_unix_micro),
    native("time.Time.UnixNano", 3, 1, t_unix_nano),
    native("time.Time.Nanosecond", 3, 1, t_nanosecond),
    native("time.Duration.String", 1, 2, d_string),
    native("time.Duration.Seconds", 1, 1, d_seconds),
    native("time.Duration.Minutes", 1, 1, d_minutes),
    native("time.Duration.Hours", 1, 1, d_hours),
    native("time.Duration.Milliseconds", 1, 1, d_milliseconds),
    native("time.Duration.Microseconds", 1, 1, d_microseconds),
    native("time.Duration.Nanoseconds", 1, 1, d_nanoseconds),
    native("time.Duration.Truncate", 2, 1, d_truncate),
    native("time.Duration.Round", 2, 1, d_round),
    native("time.Duration.Abs", 1, 1, d_abs),
    native("time.Month.String", 1, 2, month_string),
    native("time.Weekday.String", 1, 2, weekday_string),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_print_as_gc() {
        for (d, s) in [
            (0, "0s"),
            (1, "1ns"),
            (1000, "1µs"),
            (1500, "1.5µs"),
            (100_000_000, "100ms"),
            (1_500_000_000, "1.5s"),
            (120 * SECOND, "2m0s"),
            (3600 * SECOND + 1, "1h0m0.000000001s"),
            (-5 * SECOND, "-5s"),
            (i64::MIN, "-2562047h47m16.854775808s"),
        ] {
            assert_eq!(duration_string(d), s);
        }
    }
}
