package p

type T struct { x int, y int }
