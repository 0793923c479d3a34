package main

type MyInt int

func f() {
	panic(MyInt(5))
}

func main() {
	f()
}
