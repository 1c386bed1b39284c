module arbeidsboks

go 1.26.8
