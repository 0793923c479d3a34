package main

func main() {
	s := -2
	x := 1
	println(x << 3)
	println(x << s)
}
