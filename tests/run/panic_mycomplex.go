package main

type MyComplex complex64

func f() {
	panic(MyComplex(complex(1, -2)))
}

func main() {
	f()
}
