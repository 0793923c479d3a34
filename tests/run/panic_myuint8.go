package main

type MyUint8 uint8

func f() {
	panic(MyUint8(200))
}

func main() {
	f()
}
