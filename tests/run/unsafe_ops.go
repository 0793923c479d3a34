package main

import "unsafe"

type T struct {
	a int8
	b int64
	c [3]int16
	d string
}

func main() {
	var t T
	println(unsafe.Sizeof(t), unsafe.Alignof(t.b), unsafe.Offsetof(t.c), unsafe.Offsetof(t.d))
	x := [4]int32{1, 2, 3, 4}
	p := unsafe.Pointer(&x[0])
	q := (*int32)(unsafe.Pointer(uintptr(p) + 8))
	println(*q)
	*q = 30
	println(x[2])
	f := 1.5
	bits := *(*uint64)(unsafe.Pointer(&f))
	println(bits)
	s := "hello"
	b := unsafe.Slice((*byte)(unsafe.Pointer(*(*uintptr)(unsafe.Pointer(&s)))), 3)
	println(string(b))
	u := unsafe.Add(p, 4)
	println(*(*int32)(u))
	var np *int
	println(len(unsafe.Slice(np, 0)))
	n := -1
	_ = unsafe.Slice(&x[0], n)
}
