// Generates math.out: gc 1.19's results (on this amd64 machine: Exp's FMA path depends
// on the CPU) for goscope's math tests (runtime/tests/stdlib_math.rs). Regenerate with
//   /usr/lib/go-1.19/bin/go run gen.go > math.out
// and Exp's other path (gc without FMA) with
//   GODEBUG=cpu.fma=off /usr/lib/go-1.19/bin/go run gen.go | grep -E '^(Exp|Pow|Sinh|Cosh|Tanh) ' > math_nofma.out
// Lines: function, argument bits (hex), result bits (hex; Frexp/Modf give two results).
package main

import (
	"fmt"
	"math"
	"math/rand"
)

func b(f float64) string { return fmt.Sprintf("%x", math.Float64bits(f)) }

func main() {
	r := rand.New(rand.NewSource(11))
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 2, 0.5, 10, 100, 1e-300, 5e-324, 1e-310, math.MaxFloat64, 709.78, 709.79, -745.1, -745.2,
		-708.4, -1e10, 1e10, math.Inf(1), math.Inf(-1), math.NaN(), math.Pi, math.E, 0.7071067811865476, 1e-20, 3, 0.1, 1.5, -2.5, 1 << 62, 4e18, 1e19}
	for i := 0; i < 1500; i++ {
		switch i % 5 {
		case 0:
			xs = append(xs, r.Float64()*1400-700)
		case 1:
			xs = append(xs, r.Float64()*20-10)
		case 2:
			xs = append(xs, math.Float64frombits(r.Uint64()))
		case 3:
			xs = append(xs, r.ExpFloat64())
		default:
			xs = append(xs, float64(r.Intn(2000)-1000)/8)
		}
	}
	for _, x := range xs {
		fmt.Println("Exp", b(x), b(math.Exp(x)))
		fmt.Println("Log", b(x), b(math.Log(x)))
		fmt.Println("Log10", b(x), b(math.Log10(x)))
		fmt.Println("Log2", b(x), b(math.Log2(x)))
		fr, e := math.Frexp(x)
		fmt.Println("Frexp", b(x), b(fr), e)
		ip, fp := math.Modf(x)
		fmt.Println("Modf", b(x), b(ip), b(fp))
		fmt.Println("Sin", b(x), b(math.Sin(x)))
		fmt.Println("Cos", b(x), b(math.Cos(x)))
		fmt.Println("Tan", b(x), b(math.Tan(x)))
		fmt.Println("Atan", b(x), b(math.Atan(x)))
		fmt.Println("Asin", b(x/700), b(math.Asin(x/700)))
		fmt.Println("Acos", b(x/700), b(math.Acos(x/700)))
		fmt.Println("Cbrt", b(x), b(math.Cbrt(x)))
		fmt.Println("Sinh", b(x/10), b(math.Sinh(x/10)))
		fmt.Println("Cosh", b(x/10), b(math.Cosh(x/10)))
		fmt.Println("Tanh", b(x/10), b(math.Tanh(x/10)))
		fmt.Println("Log1p", b(x), b(math.Log1p(x)))
		fmt.Println("Log1p", b(x/1000), b(math.Log1p(x/1000)))
		fmt.Println("Expm1", b(x), b(math.Expm1(x)))
		fmt.Println("Expm1", b(x/1000), b(math.Expm1(x/1000)))
		fmt.Println("Exp2", b(x), b(math.Exp2(x)))
		fmt.Println("Exp2", b(x*1.5), b(math.Exp2(x*1.5)))
		fmt.Println("Asinh", b(x), b(math.Asinh(x)))
		fmt.Println("Acosh", b(x), b(math.Acosh(x)))
		fmt.Println("Atanh", b(x/700), b(math.Atanh(x/700)))
		for _, f := range []func(float64) float64{math.Sqrt, math.Floor, math.Ceil, math.Trunc, math.Round, math.RoundToEven, math.Abs} {
			fmt.Println("Exact", b(x), b(f(x)))
		}
	}
	for i := 0; i < 300; i++ {
		x := math.Ldexp(r.Float64(), r.Intn(1100))
		fmt.Println("Sin", b(x), b(math.Sin(x)))
		fmt.Println("Cos", b(-x), b(math.Cos(-x)))
		fmt.Println("Tan", b(x), b(math.Tan(x)))
	}
	for i := 0; i+1 < len(xs); i += 1 {
		x, y := xs[i], xs[(i*7+3)%len(xs)]
		if i%3 == 0 {
			y = float64(r.Intn(40) - 20)
		} else if i%3 == 1 {
			y = r.Float64()*6 - 3
		}
		if i%4 == 0 {
			x = r.Float64() * 10
		}
		fmt.Println("Pow", b(x), b(y), b(math.Pow(x, y)))
		fmt.Println("Mod", b(x), b(y), b(math.Mod(x, y)))
		fmt.Println("Max", b(x), b(y), b(math.Max(x, y)))
		fmt.Println("Min", b(x), b(y), b(math.Min(x, y)))
		fmt.Println("Atan2", b(x), b(y), b(math.Atan2(x, y)))
		fmt.Println("Hypot", b(x), b(y), b(math.Hypot(x, y)))
		fmt.Println("Remainder", b(x), b(y), b(math.Remainder(x, y)))
		fmt.Println("Nextafter", b(x), b(y), b(math.Nextafter(x, y)))
		fmt.Println("Nextafter32", b(x), b(y), b(float64(math.Nextafter32(float32(x), float32(y)))))
		fmt.Println("Dim", b(x), b(y), b(math.Dim(x, y)))
		fmt.Println("Ldexp", b(x), int(y*10), b(math.Ldexp(x, int(y*10))))
	}
	sp := []float64{0, math.Copysign(0, -1), 1, -1, 2, -2, 0.5, -0.5, 3, -3, math.Inf(1), math.Inf(-1), math.NaN(), 1e300, -1e300, 1e-300, 1 << 63, -(1 << 63), 1 << 53, 1<<53 + 2}
	for _, x := range sp {
		for _, y := range sp {
			fmt.Println("Pow", b(x), b(y), b(math.Pow(x, y)))
			fmt.Println("Mod", b(x), b(y), b(math.Mod(x, y)))
			fmt.Println("Max", b(x), b(y), b(math.Max(x, y)))
			fmt.Println("Min", b(x), b(y), b(math.Min(x, y)))
			fmt.Println("Atan2", b(x), b(y), b(math.Atan2(x, y)))
			fmt.Println("Hypot", b(x), b(y), b(math.Hypot(x, y)))
			fmt.Println("Remainder", b(x), b(y), b(math.Remainder(x, y)))
			fmt.Println("Nextafter", b(x), b(y), b(math.Nextafter(x, y)))
			fmt.Println("Nextafter32", b(x), b(y), b(float64(math.Nextafter32(float32(x), float32(y)))))
			fmt.Println("Dim", b(x), b(y), b(math.Dim(x, y)))
		}
	}
	for _, e := range []int{-1080, -1075, -1074, -1050, -1022, -1, 0, 1, 1023, 1024, 5000, math.MinInt64, math.MaxInt64} {
		for _, x := range []float64{1, -1, 0.75, 5e-324, 1e-310, math.MaxFloat64} {
			fmt.Println("Ldexp", b(x), e, b(math.Ldexp(x, e)))
		}
	}
}
