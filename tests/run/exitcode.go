package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("bye", 7, 2.5, true)
	os.Exit(7)
}
