package main

import (
	"fmt"
	"math"
	"unsafe"
)

const maxUintptr = 1 << (8 * unsafe.Sizeof(uintptr(0)))

func try(n string, f func()) {
	defer func() { fmt.Println(n, recover()) }()
	f()
}

func main() {
	var p [10]byte
	p1 := unsafe.Pointer(&p[1])
	fmt.Println(unsafe.Add(p1, 1) == unsafe.Pointer(&p[2]), unsafe.Add(p1, -1) == unsafe.Pointer(&p[0]))
	s := unsafe.Slice(&p[0], len(p))
	fmt.Println(&s[0] == &p[0], len(s), cap(s))
	fmt.Println(unsafe.Slice((*int)(nil), 0) == nil)
	try("nil1", func() { _ = unsafe.Slice((*int)(nil), 1) })
	var neg int = -1
	try("neg", func() { _ = unsafe.Slice(new(byte), neg) })
	var tooBig uint64 = math.MaxUint64
	try("big", func() { _ = unsafe.Slice(new(byte), tooBig) })
	try("ov1", func() { _ = unsafe.Slice(new(uint64), maxUintptr/8) })
	try("ov2", func() { _ = unsafe.Slice(new(uint64), maxUintptr/8+1) })
	last := (*byte)(unsafe.Pointer(^uintptr(0)))
	_ = unsafe.Slice(last, 1)
	try("last", func() { _ = unsafe.Slice(last, 2) })
}
