package main

type F float32

func f() {
	panic(float32(0.1))
}

func main() {
	f()
}
