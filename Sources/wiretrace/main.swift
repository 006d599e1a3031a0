print("wiretrace")
