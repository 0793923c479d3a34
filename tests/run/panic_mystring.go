package main

type MyString string

func f() {
	panic(MyString("hi"))
}

func main() {
	f()
}
