package main

func main() {
	var m map[string]int
	println(m["missing"], len(m))
	m["x"] = 1
}
