//! Go 1.19's math/rand, bit for bit: the additive lagged Fibonacci source (rng.go) seeded
//! through seedrand and rngCooked, and Rand's derived functions (rand.go, normal.go,
//! exp.go). The package-level functions use a source seeded with 1 in Go 1.19, so
//! `Rand::new(1)` is the VM's global generator: an unseeded program's
//! `rand.Intn(100)` sequence starts 81, 87, 47, 59, ... as under gc.
//!
//! A Rand over a user-defined Source (rand.New(mySource)) calls Go methods; the VM's Go
//! code for that case can reuse the derivations, which take the 63-bit draws as given.
//! NormFloat64 and ExpFloat64 use goscope's ports of gc's math.Log and math.Exp.

mod cooked;
mod ziggurat;

use super::math::{exp, log};

use cooked::RNG_COOKED;
use ziggurat::{FE, FN, KE, KN, WE, WN};

const RNG_LEN: usize = 607;
const RNG_TAP: usize = 273;
const RNG_MASK: u64 = (1 << 63) - 1;
const INT32MAX: i64 = (1 << 31) - 1;

/// Go's rngSource: the feedback register and its two indexes.
#[derive(Clone)]
pub struct RngSource {
    tap: usize,
    feed: usize,
    vec: [i64; RNG_LEN],
}

/// Go's seedrand: x[n+1] = 48271 * x[n] mod (2**31 - 1).
fn seedrand(x: i32) -> i32 {
    const A: i32 = 48271;
    const Q: i32 = 44488;
    const R: i32 = 3399;
    let hi = x / Q;
    let lo = x % Q;
    let mut x = A.wrapping_mul(lo).wrapping_sub(R.wrapping_mul(hi));
    if x < 0 {
        x = x.wrapping_add(INT32MAX as i32);
    }
    x
}

impl RngSource {
    /// Go's NewSource(seed).
    pub fn new(seed: i64) -> RngSource {
        let mut s = RngSource {
            tap: 0,
            feed: 0,
            vec: [0; RNG_LEN],
        };
        s.seed(seed);
        s
    }

    /// Go's (*rngSource).Seed.
    pub fn seed(&mut self, seed: i64) {
        self.tap = 0;
        self.feed = RNG_LEN - RNG_TAP;
        let mut seed = seed % INT32MAX;
        if seed < 0 {
            seed += INT32MAX;
        }
        if seed == 0 {
            seed = 89482311;
        }
        let mut x = seed as i32;
        for i in -20..RNG_LEN as i32 {
            x = seedrand(x);
            if i >= 0 {
                let mut u = i64::from(x) << 40;
                x = seedrand(x);
                u ^= i64::from(x) << 20;
                x = seedrand(x);
                u ^= i64::from(x);
                u ^= RNG_COOKED[i as usize];
                self.vec[i as usize] = u;
            }
        }
    }

    /// Go's (*rngSource).Uint64.
    pub fn uint64(&mut self) -> u64 {
        self.tap = if self.tap == 0 {
            RNG_LEN - 1
        } else {
            self.tap - 1
        };
        self.feed = if self.feed == 0 {
            RNG_LEN - 1
        } else {
            self.feed - 1
        };
        let x = self.vec[self.feed].wrapping_add(self.vec[self.tap]);
        self.vec[self.feed] = x;
        x as u64
    }

    /// Go's (*rngSource).Int63.
    pub fn int63(&mut self) -> i64 {
        (self.uint64() & RNG_MASK) as i64
    }
}

/// Go's *rand.Rand over an rngSource, with Read's buffered bytes.
#[derive(Clone)]
pub struct Rand {
    pub src: RngSource,
    read_val: i64,
    read_pos: i8,
}

/// Go's panics for bad arguments: the message of the panic the VM raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidArgument(pub &'static str);

impl Rand {
    /// rand.New(rand.NewSource(seed)).
    pub fn new(seed: i64) -> Rand {
        Rand {
            src: RngSource::new(seed),
            read_val: 0,
            read_pos: 0,
        }
    }

    /// Go's (*Rand).Seed (also resets Read's buffered bytes).
    pub fn seed(&mut self, seed: i64) {
        self.src.seed(seed);
        self.read_pos = 0;
    }

    pub fn int63(&mut self) -> i64 {
        self.src.int63()
    }

    pub fn uint32(&mut self) -> u32 {
        (self.int63() >> 31) as u32
    }

    pub fn uint64(&mut self) -> u64 {
        self.src.uint64()
    }

    pub fn int31(&mut self) -> i32 {
        (self.int63() >> 32) as i32
    }

    /// Go's Int (int is 64 bits).
    pub fn int(&mut self) -> i64 {
        self.int63()
    }

    /// Go's Int63n; Err for n <= 0 ("invalid argument to Int63n").
    pub fn int63n(&mut self, n: i64) -> Result<i64, InvalidArgument> {
        if n <= 0 {
            return Err(InvalidArgument("invalid argument to Int63n"));
        }
        Ok(self.int63n_unchecked(n))
    }

    fn int63n_unchecked(&mut self, n: i64) -> i64 {
        if n & (n - 1) == 0 {
            return self.int63() & (n - 1);
        }
        let max = ((1u64 << 63) - 1 - (1u64 << 63) % n as u64) as i64;
        let mut v = self.int63();
        while v > max {
            v = self.int63();
        }
        v % n
    }

    /// Go's Int31n; Err for n <= 0.
    pub fn int31n(&mut self, n: i32) -> Result<i32, InvalidArgument> {
        if n <= 0 {
            return Err(InvalidArgument("invalid argument to Int31n"));
        }
        Ok(self.int31n_unchecked(n))
    }

    fn int31n_unchecked(&mut self, n: i32) -> i32 {
        if n & (n - 1) == 0 {
            return self.int31() & (n - 1);
        }
        let max = ((1u32 << 31) - 1 - (1u32 << 31) % n as u32) as i32;
        let mut v = self.int31();
        while v > max {
            v = self.int31();
        }
        v % n
    }

    /// Go's unexported int31n (Lemire's multiply-shift), used by Shuffle; n > 0.
    pub fn int31n_lemire(&mut self, n: i32) -> i32 {
        let mut v = self.uint32();
        let mut prod = u64::from(v) * n as u64;
        let mut low = prod as u32;
        if low < n as u32 {
            let thresh = (n as u32).wrapping_neg() % n as u32;
            while low < thresh {
                v = self.uint32();
                prod = u64::from(v) * n as u64;
                low = prod as u32;
            }
        }
        (prod >> 32) as i32
    }

    /// Go's Intn; Err for n <= 0.
    pub fn intn(&mut self, n: i64) -> Result<i64, InvalidArgument> {
        if n <= 0 {
            return Err(InvalidArgument("invalid argument to Intn"));
        }
        Ok(self.intn_unchecked(n))
    }

    fn intn_unchecked(&mut self, n: i64) -> i64 {
        if n <= INT32MAX {
            i64::from(self.int31n_unchecked(n as i32))
        } else {
            self.int63n_unchecked(n)
        }
    }

    /// Go's Float64: Int63 / 2^63, resampled if it rounds to 1.
    pub fn float64(&mut self) -> f64 {
        loop {
            let f = self.int63() as f64 / (1u64 << 63) as f64;
            if f != 1.0 {
                return f;
            }
        }
    }

    /// Go's Float32.
    pub fn float32(&mut self) -> f32 {
        loop {
            let f = self.float64() as f32;
            if f != 1.0 {
                return f;
            }
        }
    }

    /// Go's Perm: a permutation of 0..n (Go's make panics for n < 0; the caller checks).
    pub fn perm(&mut self, n: usize) -> Vec<i64> {
        let mut m = vec![0i64; n];
        for i in 0..n {
            let j = self.intn_unchecked(i as i64 + 1) as usize;
            m[i] = m[j];
            m[j] = i as i64;
        }
        m
    }

    /// Go's Shuffle: calls `swap(i, j)` in Go's order; Err for n < 0.
    pub fn shuffle(
        &mut self,
        n: i64,
        mut swap: impl FnMut(i64, i64),
    ) -> Result<(), InvalidArgument> {
        if n < 0 {
            return Err(InvalidArgument("invalid argument to Shuffle"));
        }
        let mut i = n - 1;
        while i > INT32MAX - 1 {
            let j = self.int63n_unchecked(i + 1);
            swap(i, j);
            i -= 1;
        }
        while i > 0 {
            let j = i64::from(self.int31n_lemire((i + 1) as i32));
            swap(i, j);
            i -= 1;
        }
        Ok(())
    }

    /// Go's Read: fills p from 7 bytes of each Int63, keeping the rest for the next call.
    pub fn read(&mut self, p: &mut [u8]) -> usize {
        let (mut pos, mut val) = (self.read_pos, self.read_val);
        for b in p.iter_mut() {
            if pos == 0 {
                val = self.int63();
                pos = 7;
            }
            *b = val as u8;
            val >>= 8;
            pos -= 1;
        }
        self.read_pos = pos;
        self.read_val = val;
        p.len()
    }

    /// Go's NormFloat64 (Ziggurat).
    pub fn norm_float64(&mut self) -> f64 {
        const RN: f64 = 3.442619855899;
        loop {
            let j = self.uint32() as i32; // possibly negative
            let i = (j & 0x7F) as usize;
            let mut x = f64::from(j) * f64::from(WN[i]);
            if j.unsigned_abs() < KN[i] {
                return x;
            }
            if i == 0 {
                loop {
                    x = -log(self.float64()) * (1.0 / RN);
                    let y = -log(self.float64());
                    if y + y >= x * x {
                        break;
                    }
                }
                return if j > 0 { RN + x } else { -RN - x };
            }
            if FN[i] + (self.float64() as f32) * (FN[i - 1] - FN[i]) < exp(-0.5 * x * x) as f32 {
                return x;
            }
        }
    }

    /// Go's ExpFloat64 (Ziggurat).
    pub fn exp_float64(&mut self) -> f64 {
        #[allow(clippy::excessive_precision)] // Go's literal, kept as written
        const RE: f64 = 7.69711747013104972;
        loop {
            let j = self.uint32();
            let i = (j & 0xFF) as usize;
            let x = f64::from(j) * f64::from(WE[i]);
            if j < KE[i] {
                return x;
            }
            if i == 0 {
                return RE - log(self.float64());
            }
            if FE[i] + (self.float64() as f32) * (FE[i - 1] - FE[i]) < exp(-x) as f32 {
                return x;
            }
        }
    }
}
