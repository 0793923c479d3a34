package main

func main() {
	x := 1
	switch x {
	case 1, 1:
	case "a":
	}
	var i interface{} = x
	switch v := i.(type) {
	case int, int:
	}
	switch i.(type) {
	case string:
		fallthrough
	default:
	}
	switch x {
	case 2:
		fallthrough
	}
}
