package main

func main() {
	s := "hello"
	j := 9
	println(s[2:j])
}
