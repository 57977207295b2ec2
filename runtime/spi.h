/*
 * mp_hal_get_spi_obj, which the stm32 and rp2 ports declare in their mphalport.h (drivers
 * such as extmod/network_wiznet5k.c call it): the SPI bus object a driver is given, checked.
 */
#ifndef NATMODGEN_RT_SPI_H
#define NATMODGEN_RT_SPI_H

mp_obj_base_t *mp_hal_get_spi_obj(mp_obj_t spi_in);

#endif
