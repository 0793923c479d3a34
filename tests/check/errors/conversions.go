// Conversions T(x): constant conversions, convertibility rules, unsafe
// pointers, slices to array pointers (types2's conversions.go).

package main

import "unsafe"

type (
	S  string
	B  bool
	T  struct{ x int }
	U  struct{ x int }
	F  func()
	MI map[string]int
	Bs []byte
)

var (
	i  int
	i8 int8
	u  uintptr
	fl float64
	cx complex128
	bo bool
	st string
	bs []byte
	rs []rune
	is []int
	p  *int
	pt *T
	up unsafe.Pointer
	e  interface{}
	ch chan int
	rc <-chan int
	fn func()
	m  map[string]int
	st1 struct{ x int }
)

// Constant conversions.
const (
	k1 = string(rune(65))
	k2 = string(0x4e16)
	k3 = string(-1)
	k4 = string(rune(0xD800))
	k5 = string(0x10FFFF + 1)
	k6 = S("abc")
	k7 = B(true)
	k8 = float32(0.1)
	k9 = int(2.0)
	k10 = float64(3 + 0i)
	k11 = string('x')
	k12 = Bs("abc")
	k13 = uintptr(unsafe.Pointer(nil))
)

func constants() {
	_ = string(1.5)
	_ = int("a")
	_ = int(1.5)
	_ = int8(200)
	_ = uint(-1)
	_ = float64(1 + 2i)
	_ = float32(1e40)
	_ = int(true)
	_ = int(nil)
	_ = B(1)
	const k int64 = 300
	_ = int8(k)
}

func values() {
	_ = int8(i)
	_ = int(fl)
	_ = []byte("abc")
	_ = string(bs)
	_ = string(rs)
	_ = []rune(st)
	_ = []int(st)
	_ = string(i)
	_ = string(fl)
	_ = Bs(st)
	_ = S(bs)
	_ = unsafe.Pointer(p)
	_ = unsafe.Pointer(u)
	_ = (*float64)(up)
	_ = uintptr(up)
	_ = int(up)
	_ = unsafe.Pointer(i)
	_ = (*float64)(p)
	_ = struct{ y int }(st1)
	_ = T(st1)
	_ = (*U)(pt)
	_ = (*[4]int)(is)
	_ = (*[4]string)(is)
	_ = [4]int(is)
	_ = (*int)(nil)
	_ = []int(nil)
	_ = int(bo)
	_ = float64(cx)
	_ = complex64(cx)
	_ = complex128(fl)
	_ = interface{}(i)
	_ = int(e)
	_ = (<-chan int)(ch)
	_ = (chan int)(rc)
	_ = F(fn)
	_ = MI(m)
	_ = map[string]int64(m)
	_ = int(1, 2)
	_ = int()
	_ = int(is...)
}

func main() {}
