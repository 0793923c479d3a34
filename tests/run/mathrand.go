// math/rand's global source: gc's exact sequence (seeded with 1 by
// default in Go 1.19), then after Seed.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	fmt.Println(rand.Int(), rand.Intn(100), rand.Int63(), rand.Int31(), rand.Int31n(10))
	fmt.Println(rand.Uint32(), rand.Uint64(), rand.Int63n(1000))
	fmt.Println(rand.Float64(), rand.Float32(), rand.ExpFloat64(), rand.NormFloat64())
	fmt.Println(rand.Perm(8))
	rand.Seed(42)
	fmt.Println(rand.Intn(1000), rand.Intn(1000), rand.Float64())
	defer func() { fmt.Println("recovered:", recover()) }()
	rand.Intn(0)
}
