package main

func set(m map[string]int, k string) {
	m[k] = 1
}

func main() {
	m := map[string]int{"a": 1}
	print(m == nil, "\n")
	var n map[string]int
	println(n)
	set(m, "b")
	set(n, "c")
}
