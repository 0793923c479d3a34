package p

func main() { println("hi") }}
