module git.fernhill.example/iso8583-codec

go 1.23

require (
	github.com/stretchr/testify v1.9.0
)
