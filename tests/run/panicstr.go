package main

func main() {
	println("start")
	panic("something bad")
}
