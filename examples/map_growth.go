// Map growth, as the hmap seed document explains it (runtime/map.go).
//
// A map value is a pointer to an hmap header: count, flags, B (the map has
// 2^B buckets), noverflow, hash0 (a random seed), buckets, oldbuckets,
// nevacuate, extra. A bucket holds 8 tophash bytes, 8 keys, 8 elems and a
// pointer to an overflow bucket. This program reads the header through
// unsafe (the same layout in gc and goscope) and prints only what is the
// same on every run: the random seed changes which bucket a key goes to,
// never how many buckets there are or when the map grows.
package main

import (
	"fmt"
	"unsafe"
)

// hmap mirrors runtime.hmap.
type hmap struct {
	count      int
	flags      uint8
	B          uint8
	noverflow  uint16
	hash0      uint32
	buckets    unsafe.Pointer
	oldbuckets unsafe.Pointer
	nevacuate  uintptr
	extra      unsafe.Pointer
}

// header returns the hmap a map value points to.
func header(m map[int]int) *hmap {
	return *(**hmap)(unsafe.Pointer(&m))
}

// bucketSize is the size of a map[int]int bucket: 8 tophash bytes,
// 8 keys, 8 elems, the overflow pointer.
const bucketSize = 8 + 8*8 + 8*8 + 8

// Tophash values below minTopHash mark a cell's state.
const (
	evacuatedX     = 2
	evacuatedY     = 3
	evacuatedEmpty = 4
)

func main() {
	// 1. Doubling: B grows when count would exceed 6.5 entries per
	// bucket (load factor 6.5), so at 9, 14, 27, 53, 105, 209, ... entries.
	m := make(map[int]int)
	h := header(m)
	fmt.Println("empty map: B =", h.B, "buckets allocated:", h.buckets != nil)
	lastB := h.B
	for i := 0; i < 1000; i++ {
		m[i] = i * i
		if h.B != lastB {
			fmt.Println("insert", i+1, "-> B =", h.B, "=", 1<<h.B, "buckets; growing:", h.oldbuckets != nil)
			lastB = h.B
		}
	}

	// 2. Incremental evacuation: the insert that grows the map only
	// allocates the new array and moves one or two old buckets; every
	// later insert or delete moves up to two more (growWork), so after
	// 2^oldB more writes every old bucket has been evacuated and
	// oldbuckets is dropped.
	g := make(map[int]int)
	gh := header(g)
	for i := 0; i < 104; i++ {
		g[i] = i
	}
	old := gh.buckets
	fmt.Println("104 entries: B =", gh.B, "growing:", gh.oldbuckets != nil)
	g[104] = 104
	fmt.Println("105th insert: B =", gh.B, "growing:", gh.oldbuckets != nil, "old array kept:", gh.oldbuckets == old)
	for i := 105; i < 105+16; i++ {
		g[i] = i
	}
	fmt.Println("16 inserts later: growing:", gh.oldbuckets != nil, "nevacuate =", gh.nevacuate)

	// Each cell of an evacuated bucket now says where its entry went:
	// evacuatedX (the same bucket index in the new array), evacuatedY
	// (index + 2^oldB: bucket 3 of 16 splits into 3 and 19 of 32), or
	// evacuatedEmpty for a cell that held nothing. Which one depends on the
	// random seed; that every cell is marked does not.
	marked := 0
	for b := 0; b < 16; b++ {
		tophash := (*[8]uint8)(unsafe.Add(old, b*bucketSize))
		for _, t := range tophash {
			if t == evacuatedX || t == evacuatedY || t == evacuatedEmpty {
				marked++
			}
		}
	}
	fmt.Println("cells of the 16 old buckets marked evacuated:", marked)

	// Nothing was lost or duplicated on the way.
	sum := 0
	for k, v := range g {
		if k != v {
			fmt.Println("bad entry", k, v)
		}
		sum += v
	}
	fmt.Println("len", len(g), "sum", sum)

	// 3. Same-size grow: keys that come and go leave deleted cells and
	// overflow buckets behind. The count stays at 50, so B never grows,
	// but when the overflow buckets reach 2^B the map is rebuilt at the
	// same size to pack its entries again.
	c := make(map[int]int)
	ch := header(c)
	for i := 0; i < 50; i++ {
		c[i] = i
	}
	fmt.Println("50 entries: B =", ch.B)
	arrays := 0
	prev := ch.buckets
	for i := 50; i < 100050; i++ {
		c[i] = i
		delete(c, i-50)
		if ch.buckets != prev {
			arrays++
			prev = ch.buckets
		}
	}
	fmt.Println("after 100000 inserts and deletes: len", len(c), "B =", ch.B, "rebuilt at the same size:", arrays > 0)

	// Iteration order is random (a random start bucket and offset), so
	// print the survivors in key order.
	keys := make([]int, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	fmt.Println("first and last keys:", keys[0], keys[len(keys)-1])
}
