package main

func f() (float64, float64) { return 5, 7 }

type C complex128

func main() {
	a := 1 + 2i
	b := complex(3.0, 4.0)
	println(a+b, a-b, a*b, a/b, -a)
	var c64 complex64 = complex64(a)
	d64 := complex(float32(1.5), float32(-2))
	println(c64*d64, c64/d64, c64+d64, c64-d64, -d64)
	println(real(a), imag(b), real(d64), imag(d64))
	x := 2.0
	println(complex(x, 0), complex(f()))
	println(complex128(d64), complex64(b))
	var z complex128
	println(a/z, z/z)
	c := C(a)
	c += 1 + 1i
	c *= c
	println(c, c == C(complex(-2, 6)) , a != b)
}
