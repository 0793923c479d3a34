package main

import (
	"fmt"

)

type V struct {
	A int8
	B string
	C [3]byte
}

func main() {
	zf := 0.0
	nan := zf / zf
	f := map[float64]int{}
	f[nan] = 1
	f[nan] = 2
	f[0.0] = 3
	negz := -zf
	f[negz] = 4
	fmt.Println(len(f), f[0], f[nan])
	cnt, sum := 0, 0
	for k, v := range f {
		if k != k {
			cnt++
		}
		sum += v
	}
	fmt.Println(cnt, sum)
	delete(f, nan)
	fmt.Println(len(f))
	for k := range f {
		delete(f, k)
	}
	fmt.Println(len(f))

	a := map[[2]string]V{}
	a[[2]string{"x", "y"}] = V{1, "one", [3]byte{1, 2, 3}}
	a[[2]string{"x", "z"}] = V{A: -2, B: "two"}
	fmt.Println(a[[2]string{"x", "y"}].B, a[[2]string{"x", "y"}].C[2], a[[2]string{"x", "z"}].A, len(a))
	w := a[[2]string{"x", "z"}]
	w.B += "!"
	a[[2]string{"x", "z"}] = w
	fmt.Println(a[[2]string{"x", "z"}].B)

	nested := map[string]map[int]bool{}
	nested["a"] = map[int]bool{1: true}
	nested["a"][2] = true
	fmt.Println(len(nested["a"]), nested["a"][2], nested["b"][1])

	// deletes during iteration: deleted entries not yet reached are not produced
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i
	}
	seen := 0
	for k := range m {
		seen++
		if k%2 == 0 {
			delete(m, k+1)
		} else {
			delete(m, k-1)
		}
	}
	fmt.Println(seen, len(m))
	// inserts during iteration terminate
	n := 0
	for k := range m {
		n++
		m[k+1000] = 1
		if n > 100000 {
			break
		}
	}
	fmt.Println(n <= 100000, len(m) >= 50)
	ints := map[int8]uint16{-1: 65535, 127: 1}
	fmt.Println(ints[-1], ints[127])
	ints[-1] += 2
	fmt.Println(ints[-1])
	bs := map[bool]string{true: "t"}
	bs[false] += "f"
	fmt.Println(bs[true], bs[false])
	var e struct{}
	es := map[struct{}]struct{}{e: {}}
	fmt.Println(len(es))
	es2 := map[string]struct{}{"a": {}}
	_, ok := es2["a"]
	fmt.Println(ok)
	cm := map[complex128]int{1 + 2i: 3}
	fmt.Println(cm[1+2i])
	f32 := map[float32]float32{1.5: 2.5}
	f32[1.5] *= 2
	fmt.Println(f32[1.5])
	z := 0
	defer func() { fmt.Println(recover(), len(ints)) }()
	ints[5] /= uint16(z)
}
