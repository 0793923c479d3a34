package main

func get() interface{} { return "str" }

func main() {
	x := get()
	n := x.(int)
	println(n)
}
