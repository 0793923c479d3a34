//! strconv's multiprecision decimal (Go's strconv/decimal.go): a float's exact binary value
//! shifted into up to 800 decimal digits, then rounded. FormatFloat uses it where Go
//! does: %f with a precision, and more digits than Ryū (ryu.rs) gives.
//!
//! Example: 0.1f64 has mant 0x1999999999999a, exp -56; `assign(mant)` then `shift(-56)`
//! holds "1000000000000000055511151231257827021181583404541015625" with dp 0.

/// Digits in a [`Decimal`], as Go's `[800]byte`.
const MAX_DIGITS: usize = 800;

/// Go's `decimal`: `d[..nd]` are ASCII digits, the value is 0.d × 10^dp.
pub(crate) struct Decimal {
    pub d: [u8; MAX_DIGITS],
    pub nd: i32,
    pub dp: i32,
    /// Nonzero digits were discarded beyond `d[..nd]`.
    pub trunc: bool,
}

/// Go's maxShift on a 64-bit machine: uintSize - 4.
const MAX_SHIFT: u32 = 60;

/// Go's leftcheats: (number of new digits, 5^k) for a left shift by k.
const LEFTCHEATS: [(i32, &str); 61] = [
    (0, ""),
    (1, "5"),
    (1, "25"),
    (1, "125"),
    (2, "625"),
    (2, "3125"),
    (2, "15625"),
    (3, "78125"),
    (3, "390625"),
    (3, "1953125"),
    (4, "9765625"),
    (4, "48828125"),
    (4, "244140625"),
    (4, "1220703125"),
    (5, "6103515625"),
    (5, "30517578125"),
    (5, "152587890625"),
    (6, "762939453125"),
    (6, "3814697265625"),
    (6, "19073486328125"),
    (7, "95367431640625"),
    (7, "476837158203125"),
    (7, "2384185791015625"),
    (7, "11920928955078125"),
    (8, "59604644775390625"),
    (8, "298023223876953125"),
    (8, "1490116119384765625"),
    (9, "7450580596923828125"),
    (9, "37252902984619140625"),
    (9, "186264514923095703125"),
    (10, "931322574615478515625"),
    (10, "4656612873077392578125"),
    (10, "23283064365386962890625"),
    (10, "116415321826934814453125"),
    (11, "582076609134674072265625"),
    (11, "2910383045673370361328125"),
    (11, "14551915228366851806640625"),
    (12, "72759576141834259033203125"),
    (12, "363797880709171295166015625"),
    (12, "1818989403545856475830078125"),
    (13, "9094947017729282379150390625"),
    (13, "45474735088646411895751953125"),
    (13, "227373675443232059478759765625"),
    (13, "1136868377216160297393798828125"),
    (14, "5684341886080801486968994140625"),
    (14, "28421709430404007434844970703125"),
    (14, "142108547152020037174224853515625"),
    (15, "710542735760100185871124267578125"),
    (15, "3552713678800500929355621337890625"),
    (15, "17763568394002504646778106689453125"),
    (16, "88817841970012523233890533447265625"),
    (16, "444089209850062616169452667236328125"),
    (16, "2220446049250313080847263336181640625"),
    (16, "11102230246251565404236316680908203125"),
    (17, "55511151231257827021181583404541015625"),
    (17, "277555756156289135105907917022705078125"),
    (17, "1387778780781445675529539585113525390625"),
    (18, "6938893903907228377647697925567626953125"),
    (18, "34694469519536141888238489627838134765625"),
    (18, "173472347597680709441192448139190673828125"),
    (19, "867361737988403547205962240695953369140625"),
];

impl Decimal {
    pub fn new() -> Box<Decimal> {
        Box::new(Decimal {
            d: [0; MAX_DIGITS],
            nd: 0,
            dp: 0,
            trunc: false,
        })
    }

    /// Digit i (ASCII).
    fn at(&self, i: i32) -> u8 {
        self.d[i as usize]
    }

    /// Go's `Assign`: set to the integer v.
    pub fn assign(&mut self, mut v: u64) {
        let mut buf = [0u8; 24];
        let mut n = 0;
        while v > 0 {
            let v1 = v / 10;
            buf[n] = (v - 10 * v1) as u8 + b'0';
            n += 1;
            v = v1;
        }
        self.nd = 0;
        while n > 0 {
            n -= 1;
            self.d[self.nd as usize] = buf[n];
            self.nd += 1;
        }
        self.dp = self.nd;
        self.trim();
    }

    /// Go's `trim`: drop trailing zeros.
    fn trim(&mut self) {
        while self.nd > 0 && self.at(self.nd - 1) == b'0' {
            self.nd -= 1;
        }
        if self.nd == 0 {
            self.dp = 0;
        }
    }

    /// Go's `rightShift`: divide by 2^k.
    fn right_shift(&mut self, k: u32) {
        let mut r = 0i32;
        let mut w = 0usize;
        let mut n: u64 = 0;
        while n >> k == 0 {
            if r >= self.nd {
                if n == 0 {
                    self.nd = 0;
                    return;
                }
                while n >> k == 0 {
                    n *= 10;
                    r += 1;
                }
                break;
            }
            n = n * 10 + u64::from(self.at(r) - b'0');
            r += 1;
        }
        self.dp -= r - 1;
        let mask: u64 = (1 << k) - 1;
        while r < self.nd {
            let c = u64::from(self.at(r));
            let dig = n >> k;
            n &= mask;
            self.d[w] = dig as u8 + b'0';
            w += 1;
            n = n * 10 + c - u64::from(b'0');
            r += 1;
        }
        while n > 0 {
            let dig = n >> k;
            n &= mask;
            if w < MAX_DIGITS {
                self.d[w] = dig as u8 + b'0';
                w += 1;
            } else if dig > 0 {
                self.trunc = true;
            }
            n *= 10;
        }
        self.nd = w as i32;
        self.trim();
    }

    /// Go's `leftShift`: multiply by 2^k.
    fn left_shift(&mut self, k: u32) {
        let (mut delta, cutoff) = LEFTCHEATS[k as usize];
        if prefix_is_less_than(&self.d[..self.nd as usize], cutoff.as_bytes()) {
            delta -= 1;
        }
        let mut r = self.nd;
        let mut w = self.nd + delta;
        let mut n: u64 = 0;
        loop {
            r -= 1;
            if r < 0 {
                break;
            }
            n += u64::from(self.at(r) - b'0') << k;
            self.put_digit(&mut w, &mut n);
        }
        while n > 0 {
            self.put_digit(&mut w, &mut n);
        }
        self.nd = (self.nd + delta).min(MAX_DIGITS as i32);
        self.dp += delta;
        self.trim();
    }

    /// leftShift's inner step: write n%10 at w-1 and keep n/10.
    fn put_digit(&mut self, w: &mut i32, n: &mut u64) {
        let quo = *n / 10;
        let rem = *n - 10 * quo;
        *w -= 1;
        if (*w as usize) < MAX_DIGITS {
            self.d[*w as usize] = rem as u8 + b'0';
        } else if rem != 0 {
            self.trunc = true;
        }
        *n = quo;
    }

    /// Go's `Shift`: multiply by 2^k (k may be negative).
    pub fn shift(&mut self, mut k: i32) {
        if self.nd == 0 {
            return;
        }
        if k > 0 {
            while k > MAX_SHIFT as i32 {
                self.left_shift(MAX_SHIFT);
                k -= MAX_SHIFT as i32;
            }
            self.left_shift(k as u32);
        } else if k < 0 {
            while k < -(MAX_SHIFT as i32) {
                self.right_shift(MAX_SHIFT);
                k += MAX_SHIFT as i32;
            }
            self.right_shift((-k) as u32);
        }
    }

    /// Go's `shouldRoundUp`: rounding to nd digits goes up (half to even on an exact tie).
    pub fn should_round_up(&self, nd: i32) -> bool {
        if nd < 0 || nd >= self.nd {
            return false;
        }
        if self.at(nd) == b'5' && nd + 1 == self.nd {
            if self.trunc {
                return true;
            }
            return nd > 0 && !(self.at(nd - 1) - b'0').is_multiple_of(2);
        }
        self.at(nd) >= b'5'
    }

    /// Go's `Round`.
    pub fn round(&mut self, nd: i32) {
        if nd < 0 || nd >= self.nd {
            return;
        }
        if self.should_round_up(nd) {
            self.round_up(nd);
        } else {
            self.round_down(nd);
        }
    }

    /// Go's `RoundDown`.
    pub fn round_down(&mut self, nd: i32) {
        if nd < 0 || nd >= self.nd {
            return;
        }
        self.nd = nd;
        self.trim();
    }

    /// Go's `RoundUp`.
    pub fn round_up(&mut self, nd: i32) {
        if nd < 0 || nd >= self.nd {
            return;
        }
        let mut i = nd - 1;
        while i >= 0 {
            if self.at(i) < b'9' {
                self.d[i as usize] += 1;
                self.nd = i + 1;
                return;
            }
            i -= 1;
        }
        self.d[0] = b'1';
        self.nd = 1;
        self.dp += 1;
    }
}

/// Go's `prefixIsLessThan`.
fn prefix_is_less_than(b: &[u8], s: &[u8]) -> bool {
    for (i, &c) in s.iter().enumerate() {
        if i >= b.len() {
            return true;
        }
        if b[i] != c {
            return b[i] < c;
        }
    }
    false
}
