package p

type T1
type T2 struct { a int b int }
type T3 interface { M() N() }
func f(a, b) {}
func g(a int, string) {}
var c chan
type G[P any, Q] struct{}
type E[] int
