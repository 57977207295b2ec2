# A Python script passed by mistake
import os

def main():
    for name in os.listdir("."):
        print(f"{name}: {len(name)}")

if __name__ == "__main__":
    main()
