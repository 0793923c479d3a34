package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{0.5, -0.3, 2, 0, math.Copysign(0, -1)}
	for _, x := range xs {
		fmt.Println(math.Asin(x/3), math.Acos(x/3), math.Sinh(x), math.Cosh(x), math.Tanh(x))
		fmt.Println(math.Log1p(x), math.Expm1(x), math.Exp2(x), math.Asinh(x), math.Atanh(x/3))
		fmt.Println(math.Signbit(x), math.Copysign(3, x), math.Remainder(7, x+3), math.Dim(x, 1))
		i, f := math.Modf(x * 3.7)
		fr, e := math.Frexp(x * 100)
		fmt.Println(i, f, fr, e, math.Ldexp(x, 5), math.Acosh(x+1.5))
	}
	var f32 float32 = 1.5
	b := math.Float32bits(f32)
	fmt.Println(b, math.Float32frombits(b+1), math.Float32frombits(0x7fc00000))
	fmt.Printf("%08x %v\n", math.Float32bits(-2.25), math.Signbit(math.Inf(-1)))
}
