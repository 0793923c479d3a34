package main

func main() {
	s := []byte("0123456789")
	p := (*[4]byte)(s[2:])
	p[0] = 'X'
	println(string(s), len(p))
	*(*[3]byte)(s[5:8]) = *(*[3]byte)(s[0:3])
	println(string(s))
	var nilS []int
	println((*[0]int)(nilS) == nil)
	q := (*[11]byte)(s)
	println(q)
}
