package p

func f() {
	default:
}
