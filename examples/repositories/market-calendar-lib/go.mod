module git.fernhill.example/market-calendar-lib

go 1.23

require (
	github.com/stretchr/testify v1.9.0
)
