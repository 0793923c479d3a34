package main

import (
	"fmt"
	"math"
)

func main() {
	var x int = 1
	var u uint8 = 3
	fmt.Println(x<<1., x<<(1+0i), x<<0i, x<<(1<<x), x<<(1.<<x), x<<((1+0i)<<x), x<<(0i<<x))
	const M = math.MaxUint
	fmt.Println(x<<(M+0), x<<(M+0.), x<<(M+0.+0i), u>>1., u<<2.)
	y := 3.
	_ = y
	x <<= 2.
	fmt.Println(x)
}
