// Generates rand.out: gc 1.19's math/rand sequences for goscope's tests
// (runtime/tests/stdlib_rand.rs). Regenerate with
//   /usr/lib/go-1.19/bin/go run gen.go > rand.out
// Each line: seed ("global" for the unseeded package functions), function, argument,
// then the values it returned in order (floats as IEEE bits in hex).
package main

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
)

type gen interface {
	Int63() int64
	Uint32() uint32
	Uint64() uint64
	Int31() int32
	Int() int
	Int63n(int64) int64
	Int31n(int32) int32
	Intn(int) int
	Float64() float64
	Float32() float32
	Perm(int) []int
	Shuffle(int, func(int, int))
	NormFloat64() float64
	ExpFloat64() float64
	Read([]byte) (int, error)
}

type global struct{}

func (global) Int63() int64                   { return rand.Int63() }
func (global) Uint32() uint32                 { return rand.Uint32() }
func (global) Uint64() uint64                 { return rand.Uint64() }
func (global) Int31() int32                   { return rand.Int31() }
func (global) Int() int                       { return rand.Int() }
func (global) Int63n(n int64) int64           { return rand.Int63n(n) }
func (global) Int31n(n int32) int32           { return rand.Int31n(n) }
func (global) Intn(n int) int                 { return rand.Intn(n) }
func (global) Float64() float64               { return rand.Float64() }
func (global) Float32() float32               { return rand.Float32() }
func (global) Perm(n int) []int               { return rand.Perm(n) }
func (global) Shuffle(n int, f func(int, int)) { rand.Shuffle(n, f) }
func (global) NormFloat64() float64           { return rand.NormFloat64() }
func (global) ExpFloat64() float64            { return rand.ExpFloat64() }
func (global) Read(p []byte) (int, error)     { return rand.Read(p) }

func run(name string, r gen) {
	out := func(fn string, arg int64, vals []string) {
		fmt.Printf("%s\t%s\t%d\t%s\n", name, fn, arg, strings.Join(vals, " "))
	}
	const k = 40
	var v []string
	for _, n := range []int{100, 1, 2, 7, 1000, 1 << 30, 1<<31 - 1, 1 << 31, 1<<31 + 1, 1 << 40, 3 << 61, math.MaxInt64} {
		v = nil
		for i := 0; i < k; i++ {
			v = append(v, fmt.Sprint(r.Intn(n)))
		}
		out("Intn", int64(n), v)
		v = nil
		for i := 0; i < k/2; i++ {
			v = append(v, fmt.Sprint(r.Int63n(int64(n))))
		}
		out("Int63n", int64(n), v)
		if n <= math.MaxInt32 {
			v = nil
			for i := 0; i < k/2; i++ {
				v = append(v, fmt.Sprint(r.Int31n(int32(n))))
			}
			out("Int31n", int64(n), v)
		}
	}
	v = nil
	for i := 0; i < k; i++ {
		v = append(v, fmt.Sprint(r.Int63()), fmt.Sprint(r.Uint32()), fmt.Sprint(r.Uint64()), fmt.Sprint(r.Int31()), fmt.Sprint(r.Int()))
	}
	out("Mixed", 0, v)
	v = nil
	for i := 0; i < k; i++ {
		v = append(v, fmt.Sprintf("%x", math.Float64bits(r.Float64())), fmt.Sprintf("%x", math.Float32bits(r.Float32())))
	}
	out("Float", 0, v)
	v = nil
	for i := 0; i < 200; i++ {
		v = append(v, fmt.Sprintf("%x", math.Float64bits(r.NormFloat64())), fmt.Sprintf("%x", math.Float64bits(r.ExpFloat64())))
	}
	out("NormExp", 0, v)
	for _, n := range []int{0, 1, 2, 5, 10, 50} {
		v = nil
		for _, x := range r.Perm(n) {
			v = append(v, fmt.Sprint(x))
		}
		out("Perm", int64(n), v)
		v = nil
		r.Shuffle(n, func(i, j int) { v = append(v, fmt.Sprintf("%d,%d", i, j)) })
		out("Shuffle", int64(n), v)
	}
	for _, n := range []int{1, 3, 7, 8, 20} {
		p := make([]byte, n)
		r.Read(p)
		v = nil
		for _, b := range p {
			v = append(v, fmt.Sprint(b))
		}
		out("Read", int64(n), v)
	}
}

func main() {
	run("global", global{})
	for _, seed := range []int64{1, 0, -1, 42, 89482311, 1<<31 - 1, 1 << 31, -1 << 63, math.MaxInt64, 20221121} {
		run(fmt.Sprint(seed), rand.New(rand.NewSource(seed)))
	}
	// Seeding the global source mid-stream, with Read's leftover bytes dropped.
	p := make([]byte, 3)
	rand.Read(p)
	rand.Seed(7)
	run("global7", global{})
}
