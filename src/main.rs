fn main() {
    println!("goscope");
}
