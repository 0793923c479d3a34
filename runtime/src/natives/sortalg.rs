//! Go 1.19's sort algorithms (sort/zsortfunc.go, sort.go), ported line
//! for line so the order of equal elements and the sequence of Less and
//! Swap calls (which a program can observe) are gc's: pdqsort for
//! Sort/Slice, insertion sort plus SymMerge for Stable/SliceStable.
//!
//! Less and Swap may call Go code (sort.Slice's less func, an
//! Interface's methods), which can panic: each returns a Result and every
//! step passes the error on with `?`.

use crate::vm::Raise;

type R<T> = Result<T, Raise>;

/// Go's lessSwap / sort.Interface without Len.
pub trait LessSwap {
    fn less(&mut self, i: i64, j: i64) -> R<bool>;
    fn swap(&mut self, i: i64, j: i64) -> R<()>;
}

/// bits.Len(uint(n)).
fn bits_len(n: i64) -> i64 {
    64 - (n as u64).leading_zeros() as i64
}

/// sort.Sort / sort.Slice: pdqsort over [0, n).
pub fn sort(data: &mut dyn LessSwap, n: i64) -> R<()> {
    if n <= 1 {
        return Ok(());
    }
    pdqsort(data, 0, n, bits_len(n))
}

fn insertion_sort(data: &mut dyn LessSwap, a: i64, b: i64) -> R<()> {
    for i in a + 1..b {
        let mut j = i;
        while j > a && data.less(j, j - 1)? {
            data.swap(j, j - 1)?;
            j -= 1;
        }
    }
    Ok(())
}

fn sift_down(data: &mut dyn LessSwap, lo: i64, hi: i64, first: i64) -> R<()> {
    let mut root = lo;
    loop {
        let mut child = 2 * root + 1;
        if child >= hi {
            return Ok(());
        }
        if child + 1 < hi && data.less(first + child, first + child + 1)? {
            child += 1;
        }
        if !data.less(first + root, first + child)? {
            return Ok(());
        }
        data.swap(first + root, first + child)?;
        root = child;
    }
}

fn heap_sort(data: &mut dyn LessSwap, a: i64, b: i64) -> R<()> {
    let first = a;
    let lo = 0;
    let hi = b - a;
    let mut i = (hi - 1) / 2;
    while i >= 0 {
        sift_down(data, i, hi, first)?;
        i -= 1;
    }
    let mut i = hi - 1;
    while i >= 0 {
        data.swap(first, first + i)?;
        sift_down(data, lo, i, first)?;
        i -= 1;
    }
    Ok(())
}

const UNKNOWN_HINT: u8 = 0;
const INCREASING_HINT: u8 = 1;
const DECREASING_HINT: u8 = 2;

fn pdqsort(data: &mut dyn LessSwap, mut a: i64, mut b: i64, mut limit: i64) -> R<()> {
    const MAX_INSERTION: i64 = 12;
    let mut was_balanced = true;
    let mut was_partitioned = true;
    loop {
        let length = b - a;
        if length <= MAX_INSERTION {
            return insertion_sort(data, a, b);
        }
        if limit == 0 {
            return heap_sort(data, a, b);
        }
        if !was_balanced {
            break_patterns(data, a, b)?;
            limit -= 1;
        }
        let (mut pivot, mut hint) = choose_pivot(data, a, b)?;
        if hint == DECREASING_HINT {
            reverse_range(data, a, b)?;
            pivot = (b - 1) - (pivot - a);
            hint = INCREASING_HINT;
        }
        if was_balanced
            && was_partitioned
            && hint == INCREASING_HINT
            && partial_insertion_sort(data, a, b)?
        {
            return Ok(());
        }
        if a > 0 && !data.less(a - 1, pivot)? {
            a = partition_equal(data, a, b, pivot)?;
            continue;
        }
        let (mid, already) = partition(data, a, b, pivot)?;
        was_partitioned = already;
        let (left, right) = (mid - a, b - mid);
        let balance_threshold = length / 8;
        if left < right {
            was_balanced = left >= balance_threshold;
            pdqsort(data, a, mid, limit)?;
            a = mid + 1;
        } else {
            was_balanced = right >= balance_threshold;
            pdqsort(data, mid + 1, b, limit)?;
            b = mid;
        }
    }
}

fn partition(data: &mut dyn LessSwap, a: i64, b: i64, pivot: i64) -> R<(i64, bool)> {
    data.swap(a, pivot)?;
    let (mut i, mut j) = (a + 1, b - 1);
    while i <= j && data.less(i, a)? {
        i += 1;
    }
    while i <= j && !data.less(j, a)? {
        j -= 1;
    }
    if i > j {
        data.swap(j, a)?;
        return Ok((j, true));
    }
    data.swap(i, j)?;
    i += 1;
    j -= 1;
    loop {
        while i <= j && data.less(i, a)? {
            i += 1;
        }
        while i <= j && !data.less(j, a)? {
            j -= 1;
        }
        if i > j {
            break;
        }
        data.swap(i, j)?;
        i += 1;
        j -= 1;
    }
    data.swap(j, a)?;
    Ok((j, false))
}

fn partition_equal(data: &mut dyn LessSwap, a: i64, b: i64, pivot: i64) -> R<i64> {
    data.swap(a, pivot)?;
    let (mut i, mut j) = (a + 1, b - 1);
    loop {
        while i <= j && !data.less(a, i)? {
            i += 1;
        }
        while i <= j && data.less(a, j)? {
            j -= 1;
        }
        if i > j {
            break;
        }
        data.swap(i, j)?;
        i += 1;
        j -= 1;
    }
    Ok(i)
}

fn partial_insertion_sort(data: &mut dyn LessSwap, a: i64, b: i64) -> R<bool> {
    const MAX_STEPS: i64 = 5;
    const SHORTEST_SHIFTING: i64 = 50;
    let mut i = a + 1;
    for _ in 0..MAX_STEPS {
        while i < b && !data.less(i, i - 1)? {
            i += 1;
        }
        if i == b {
            return Ok(true);
        }
        if b - a < SHORTEST_SHIFTING {
            return Ok(false);
        }
        data.swap(i, i - 1)?;
        if i - a >= 2 {
            let mut j = i - 1;
            while j >= 1 {
                if !data.less(j, j - 1)? {
                    break;
                }
                data.swap(j, j - 1)?;
                j -= 1;
            }
        }
        if b - i >= 2 {
            let mut j = i + 1;
            while j < b {
                if !data.less(j, j - 1)? {
                    break;
                }
                data.swap(j, j - 1)?;
                j += 1;
            }
        }
    }
    Ok(false)
}

fn break_patterns(data: &mut dyn LessSwap, a: i64, b: i64) -> R<()> {
    let length = b - a;
    if length >= 8 {
        let mut random = length as u64;
        let modulus = 1u64 << bits_len(length);
        let mut idx = a + (length / 4) * 2 - 1;
        while idx <= a + (length / 4) * 2 + 1 {
            random ^= random << 13;
            random ^= random >> 17;
            random ^= random << 5;
            let mut other = (random & (modulus - 1)) as i64;
            if other >= length {
                other -= length;
            }
            data.swap(idx, a + other)?;
            idx += 1;
        }
    }
    Ok(())
}

fn choose_pivot(data: &mut dyn LessSwap, a: i64, b: i64) -> R<(i64, u8)> {
    const SHORTEST_NINTHER: i64 = 50;
    const MAX_SWAPS: i64 = 4 * 3;
    let l = b - a;
    let mut swaps = 0;
    let mut i = a + l / 4;
    let mut j = a + l / 4 * 2;
    let mut k = a + l / 4 * 3;
    if l >= 8 {
        if l >= SHORTEST_NINTHER {
            i = median(data, i - 1, i, i + 1, &mut swaps)?;
            j = median(data, j - 1, j, j + 1, &mut swaps)?;
            k = median(data, k - 1, k, k + 1, &mut swaps)?;
        }
        j = median(data, i, j, k, &mut swaps)?;
    }
    Ok(match swaps {
        0 => (j, INCREASING_HINT),
        MAX_SWAPS => (j, DECREASING_HINT),
        _ => (j, UNKNOWN_HINT),
    })
}

fn order2(data: &mut dyn LessSwap, a: i64, b: i64, swaps: &mut i64) -> R<(i64, i64)> {
    if data.less(b, a)? {
        *swaps += 1;
        return Ok((b, a));
    }
    Ok((a, b))
}

fn median(data: &mut dyn LessSwap, a: i64, b: i64, c: i64, swaps: &mut i64) -> R<i64> {
    let (a, b) = order2(data, a, b, swaps)?;
    let (b, c) = order2(data, b, c, swaps)?;
    let _ = c;
    let (_, b) = order2(data, a, b, swaps)?;
    Ok(b)
}

fn reverse_range(data: &mut dyn LessSwap, a: i64, b: i64) -> R<()> {
    let (mut i, mut j) = (a, b - 1);
    while i < j {
        data.swap(i, j)?;
        i += 1;
        j -= 1;
    }
    Ok(())
}

fn swap_range(data: &mut dyn LessSwap, a: i64, b: i64, n: i64) -> R<()> {
    for i in 0..n {
        data.swap(a + i, b + i)?;
    }
    Ok(())
}

/// sort.Stable / sort.SliceStable over [0, n).
pub fn stable(data: &mut dyn LessSwap, n: i64) -> R<()> {
    let mut block_size = 20;
    let (mut a, mut b) = (0, block_size);
    while b <= n {
        insertion_sort(data, a, b)?;
        a = b;
        b += block_size;
    }
    insertion_sort(data, a, n)?;
    while block_size < n {
        a = 0;
        b = 2 * block_size;
        while b <= n {
            sym_merge(data, a, a + block_size, b)?;
            a = b;
            b += 2 * block_size;
        }
        let m = a + block_size;
        if m < n {
            sym_merge(data, a, m, n)?;
        }
        block_size *= 2;
    }
    Ok(())
}

fn sym_merge(data: &mut dyn LessSwap, a: i64, m: i64, b: i64) -> R<()> {
    if m - a == 1 {
        let (mut i, mut j) = (m, b);
        while i < j {
            let h = ((i + j) as u64 >> 1) as i64;
            if data.less(h, a)? {
                i = h + 1;
            } else {
                j = h;
            }
        }
        for k in a..i - 1 {
            data.swap(k, k + 1)?;
        }
        return Ok(());
    }
    if b - m == 1 {
        let (mut i, mut j) = (a, m);
        while i < j {
            let h = ((i + j) as u64 >> 1) as i64;
            if !data.less(m, h)? {
                i = h + 1;
            } else {
                j = h;
            }
        }
        let mut k = m;
        while k > i {
            data.swap(k, k - 1)?;
            k -= 1;
        }
        return Ok(());
    }
    let mid = ((a + b) as u64 >> 1) as i64;
    let n = mid + m;
    let (mut start, mut r) = if m > mid { (n - b, mid) } else { (a, m) };
    let p = n - 1;
    while start < r {
        let c = ((start + r) as u64 >> 1) as i64;
        if !data.less(p - c, c)? {
            start = c + 1;
        } else {
            r = c;
        }
    }
    let end = n - start;
    if start < m && m < end {
        rotate(data, start, m, end)?;
    }
    if a < start && start < mid {
        sym_merge(data, a, start, mid)?;
    }
    if mid < end && end < b {
        sym_merge(data, mid, end, b)?;
    }
    Ok(())
}

fn rotate(data: &mut dyn LessSwap, a: i64, m: i64, b: i64) -> R<()> {
    let mut i = m - a;
    let mut j = b - m;
    while i != j {
        if i > j {
            swap_range(data, m - i, m, j)?;
            i -= j;
        } else {
            swap_range(data, m - i, m + j - i, i)?;
            j -= i;
        }
    }
    swap_range(data, m - i, m, i)
}
