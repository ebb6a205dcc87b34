import hashlib


def main():
    user = input('user: ')
    password = input()
    digest = hashlib.sha256(password.encode()).hexdigest()
    print(user, digest[:8])


if __name__ == '__main__':
    main()
